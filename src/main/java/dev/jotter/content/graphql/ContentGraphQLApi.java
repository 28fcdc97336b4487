package dev.jotter.content.graphql;

import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSlice;
import dev.jotter.content.api.TagCatalog;
import dev.jotter.platform.errors.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The reader side of the schema: published posts, authors and public tags. Unknown slugs are {@code
 * null}, not errors; bad arguments are errors with code BAD_USER_INPUT.
 */
@GraphQLApi
@ApplicationScoped
public class ContentGraphQLApi {

  static final String DEFAULT_PAGE_SIZE = "10";

  @Inject PostCatalog posts;
  @Inject AuthorCatalog authors;
  @Inject TagCatalog tags;

  @Query("post")
  @Description("A published post by its slug; null when there is none.")
  public Post post(@NonNull @Name("slug") String slug) {
    return posts.findPublishedBySlug(slug).map(Post::new).orElse(null);
  }

  @Query("posts")
  @Description(
      "Published posts, newest first unless orderBy says otherwise, optionally of one"
          + " tag or author (by slug).")
  public @NonNull PostConnection posts(
      @Name("first") @DefaultValue(DEFAULT_PAGE_SIZE) @Description("How many posts, 0 to 100.")
          int first,
      @Name("after") @Description("Read the posts after this cursor.") String after,
      @Name("tag") @Description("Only posts with this tag (slug).") String tag,
      @Name("author") @Description("Only posts by this author (slug).") String author,
      @Name("orderBy") @DefaultValue("PUBLISHED_AT_DESC") PostOrder orderBy)
      throws InvalidArgumentException {
    return connection(new PostFilter(tag, author), first, after, orderBy);
  }

  @Query("author")
  @Description("An author by slug; null when there is none.")
  public Author author(@NonNull @Name("slug") String slug) {
    return authors.findBySlug(slug).map(Author::new).orElse(null);
  }

  @Query("authors")
  @Description("Every author, by name.")
  public @NonNull List<@NonNull Author> authors() {
    return authors.findAll().stream().map(Author::new).toList();
  }

  @Query("tag")
  @Description("A public tag by slug; null when there is none (internal tags are never found).")
  public Tag tag(@NonNull @Name("slug") String slug) {
    return tags.findPublicBySlug(slug).map(Tag::new).orElse(null);
  }

  @Query("tags")
  @Description("Every public tag, by name.")
  public @NonNull List<@NonNull Tag> tags() {
    return tags.findAllPublic().stream().map(Tag::new).toList();
  }

  @Name("posts")
  @Description("The author's published posts, newest first.")
  public @NonNull PostConnection authorPosts(
      @Source Author author,
      @Name("first") @DefaultValue(DEFAULT_PAGE_SIZE) int first,
      @Name("after") String after)
      throws InvalidArgumentException {
    return connection(
        new PostFilter(null, author.getSlug()), first, after, PostOrder.PUBLISHED_AT_DESC);
  }

  @Name("posts")
  @Description("The tag's published posts, newest first.")
  public @NonNull PostConnection tagPosts(
      @Source Tag tag,
      @Name("first") @DefaultValue(DEFAULT_PAGE_SIZE) int first,
      @Name("after") String after)
      throws InvalidArgumentException {
    return connection(
        new PostFilter(tag.getSlug(), null), first, after, PostOrder.PUBLISHED_AT_DESC);
  }

  @Name("postCount")
  @Description("How many published posts have this tag.")
  public @NonNull List<@NonNull Integer> tagPostCounts(@Source List<Tag> tagList) {
    Map<Long, Long> counts =
        tags.countPublishedPosts(tagList.stream().map(t -> t.getView().id()).toList());
    return tagList.stream().map(t -> counts.getOrDefault(t.getView().id(), 0L).intValue()).toList();
  }

  @Name("postCount")
  @Description("How many published posts this author wrote or co-wrote.")
  public @NonNull List<@NonNull Integer> authorPostCounts(@Source List<Author> authorList) {
    Map<Long, Long> counts =
        authors.countPublishedPosts(authorList.stream().map(a -> a.getView().id()).toList());
    return authorList.stream()
        .map(a -> counts.getOrDefault(a.getView().id(), 0L).intValue())
        .toList();
  }

  @Name("totalCount")
  @Description("How many posts the whole list holds (costs one more query: ask only if shown).")
  public int totalCount(@Source PostConnection connection) {
    return (int) posts.countPublished(connection.getFilter());
  }

  private PostConnection connection(PostFilter filter, int first, String after, PostOrder order)
      throws InvalidArgumentException {
    if (first < 0 || first > PostCatalog.MAX_PAGE_SIZE) {
      throw new InvalidArgumentException(
          "first must be between 0 and " + PostCatalog.MAX_PAGE_SIZE + "; it was " + first + ".");
    }
    PostPosition position = Cursors.parse(after, order);
    PostSlice slice = posts.findPublished(filter, order, position, first);
    List<PostEdge> edges =
        slice.posts().stream()
            .map(post -> new PostEdge(Cursors.of(post, order), new Post(post)))
            .toList();
    PageInfo pageInfo =
        new PageInfo(
            slice.hasMore(),
            position != null,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
    return new PostConnection(edges, pageInfo, filter);
  }
}
