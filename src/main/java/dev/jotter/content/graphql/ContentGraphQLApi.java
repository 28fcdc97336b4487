package dev.jotter.content.graphql;

import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.BlogSettingsCatalog;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSlice;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PreviewTokens;
import dev.jotter.content.api.ResponsiveImage;
import dev.jotter.content.api.ResponsiveImages;
import dev.jotter.content.api.TagCatalog;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.graphql.Cost;
import dev.jotter.platform.graphql.ListSize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
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
  static final String MAX_LIST = "100";

  @Inject PostCatalog posts;
  @Inject AuthorCatalog authors;
  @Inject TagCatalog tags;
  @Inject PostEditor editor;
  @Inject Instance<PreviewTokens> previewTokens;
  @Inject BlogSettingsCatalog blog;
  @Inject ResponsiveImages images;

  @Inject
  @ConfigProperty(name = "jotter.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Query("post")
  @Description(
      "A published post by slug (a slug it had before a rename works too) or by id; null when"
          + " there is none. Staff find drafts and scheduled posts with staffPost(id).")
  public Post post(
      @Name("slug") String slug,
      @Name("id") @Id String id,
      @Name("previewToken")
          @Description(
              "The token of a preview link (createPreviewLink): the post it shows, in any status."
                  + " Such an answer is never cached or shared.")
          String previewToken)
      throws InvalidArgumentException, ForbiddenException {
    if ((slug != null ? 1 : 0) + (id != null ? 1 : 0) + (previewToken != null ? 1 : 0) != 1) {
      throw new InvalidArgumentException(
          "post: give one of slug, id or previewToken (not several, not none).");
    }
    if (previewToken != null) {
      return preview(previewToken);
    }
    if (slug != null) {
      return posts.findPublishedBySlug(slug).map(Post::new).orElse(null);
    }
    long postId = parseId(id);
    return Optional.ofNullable(posts.findPublishedByIds(List.of(postId)).get(postId))
        .map(Post::new)
        .orElse(null);
  }

  private Post preview(String token) throws ForbiddenException {
    OptionalLong postId =
        previewTokens.isResolvable() ? previewTokens.get().postIdOf(token) : OptionalLong.empty();
    Optional<EditablePost> post =
        postId.isPresent() ? editor.find(postId.getAsLong()) : Optional.empty();
    if (post.isEmpty() || post.get().status() == PostStatus.TRASHED) {
      throw new ForbiddenException(
          "previewToken: this preview link does not work (it expired, its links were revoked,"
              + " or it is not one of this blog's); ask the author for a new one.");
    }
    return Post.preview(post.get().post());
  }

  @Name("previousSlugs")
  @ListSize(assumedSize = PostEditor.MAX_PREVIOUS_SLUGS)
  @Description("Slugs the post had before it was renamed, newest first: they still find it.")
  public @NonNull List<@NonNull List<@NonNull String>> previousSlugs(@Source List<Post> postList) {
    Map<Long, List<String>> slugs =
        posts.previousSlugs(postList.stream().map(p -> p.getView().id()).toList());
    return postList.stream().map(p -> slugs.getOrDefault(p.getView().id(), List.of())).toList();
  }

  @Name("featureImage")
  @Description("The image at the top of the post, if any.")
  public List<FeatureImageView> featureImage(@Source List<Post> postList) {
    List<String> urls =
        postList.stream()
            .map(p -> p.getFeatureImage())
            .filter(Objects::nonNull)
            .map(FeatureImage::url)
            .distinct()
            .toList();
    Map<String, ResponsiveImage> sized = urls.isEmpty() ? Map.of() : images.find(urls);
    return postList.stream()
        .map(p -> p.getFeatureImage())
        .map(image -> image == null ? null : new FeatureImageView(image, sized.get(image.url())))
        .toList();
  }

  @Query("posts")
  @ListSize(
      slicingArguments = "first",
      sizedFields = {"edges", "nodes"})
  @Description(
      "Published posts, newest first unless orderBy says otherwise, optionally of one"
          + " tag or author (by slug).")
  public @NonNull PostConnection posts(
      @Name("first") @DefaultValue(DEFAULT_PAGE_SIZE) @Description("How many posts, 0 to 100.")
          int first,
      @Name("after") @Description("Read the posts after this cursor.") String after,
      @Name("tag") @Description("Only posts with this tag (slug).") String tag,
      @Name("author") @Description("Only posts by this author (slug).") String author,
      @Name("featured")
          @Description("true: only featured posts; false: only the others; left out: both.")
          Boolean featured,
      @Name("orderBy") @DefaultValue("PUBLISHED_AT_DESC") PostOrder orderBy)
      throws InvalidArgumentException {
    return connection(new PostFilter(tag, author, featured), first, after, orderBy);
  }

  @Name("seo")
  @Description(
      "What the post tells search engines and link previews: what its author set, else derived"
          + " (the title, the excerpt, the feature image, its address at jotter.public-url).")
  public @NonNull Seo seo(@Source Post post) {
    return new Seo(post.getView().seo().orDefaults(post.getView(), publicUrl()));
  }

  private String publicUrl() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Query("blog")
  @Description(
      "The blog's settings: title, description, address, language, images and menus (what a"
          + " frontend puts in its header, footer and <head>).")
  public @NonNull Blog blog() {
    return new Blog(blog.current());
  }

  @Query("author")
  @Description("An author by slug; null when there is none or they have no published post yet.")
  public Author author(@NonNull @Name("slug") String slug) {
    return authors.findWriterBySlug(slug).map(Author::new).orElse(null);
  }

  @Query("authors")
  @Description("The authors of published posts, by name.")
  @ListSize(slicingArguments = "first")
  public @NonNull List<@NonNull Author> authors(
      @Name("first") @DefaultValue(MAX_LIST) @Description("How many authors, 0 to 100.") int first,
      @Name("after") @Description("The slug of the last author of the page before.") String after)
      throws InvalidArgumentException {
    checkFirst(first);
    return authors.findWritersPage(after, first).stream().map(Author::new).toList();
  }

  @Query("tag")
  @Description("A public tag by slug; null when there is none (internal tags are never found).")
  public Tag tag(@NonNull @Name("slug") String slug) {
    return tags.findPublicBySlug(slug).map(Tag::new).orElse(null);
  }

  @Query("tags")
  @Description("Public tags, by name.")
  @ListSize(slicingArguments = "first")
  public @NonNull List<@NonNull Tag> tags(
      @Name("first") @DefaultValue(MAX_LIST) @Description("How many tags, 0 to 100.") int first,
      @Name("after") @Description("The slug of the last tag of the page before.") String after)
      throws InvalidArgumentException {
    checkFirst(first);
    return tags.findPublicPage(after, first).stream().map(Tag::new).toList();
  }

  @Name("posts")
  @ListSize(
      slicingArguments = "first",
      sizedFields = {"edges", "nodes"})
  @Description(
      "The author's published posts, newest first (batched: a list of authors with"
          + " their posts costs the same few statements as one).")
  public @NonNull List<@NonNull PostConnection> authorPosts(
      @Source List<Author> authorList,
      @Name("first") @DefaultValue(DEFAULT_PAGE_SIZE) int first,
      @Name("after") String after)
      throws InvalidArgumentException {
    checkFirst(first);
    PostPosition position = Cursors.parse(after, PostOrder.PUBLISHED_AT_DESC);
    Map<Long, PostSlice> pages =
        posts.findPublishedByAuthors(
            authorList.stream().map(a -> a.getView().id()).toList(), position, first);
    return authorList.stream()
        .map(
            a ->
                connection(
                    pages.get(a.getView().id()),
                    position,
                    PostOrder.PUBLISHED_AT_DESC,
                    new PostFilter(null, a.getSlug())))
        .toList();
  }

  @Name("posts")
  @ListSize(
      slicingArguments = "first",
      sizedFields = {"edges", "nodes"})
  @Description("The tag's published posts, newest first (batched like Author.posts).")
  public @NonNull List<@NonNull PostConnection> tagPosts(
      @Source List<Tag> tagList,
      @Name("first") @DefaultValue(DEFAULT_PAGE_SIZE) int first,
      @Name("after") String after)
      throws InvalidArgumentException {
    checkFirst(first);
    PostPosition position = Cursors.parse(after, PostOrder.PUBLISHED_AT_DESC);
    Map<Long, PostSlice> pages =
        posts.findPublishedByTags(
            tagList.stream().map(t -> t.getView().id()).toList(), position, first);
    return tagList.stream()
        .map(
            t ->
                connection(
                    pages.get(t.getView().id()),
                    position,
                    PostOrder.PUBLISHED_AT_DESC,
                    new PostFilter(t.getSlug(), null)))
        .toList();
  }

  @Name("postCount")
  @Cost(weight = 2)
  @Description("How many published posts have this tag.")
  public @NonNull List<@NonNull Integer> tagPostCounts(@Source List<Tag> tagList) {
    Map<Long, Long> counts =
        tags.countPublishedPosts(tagList.stream().map(t -> t.getView().id()).toList());
    return tagList.stream().map(t -> counts.getOrDefault(t.getView().id(), 0L).intValue()).toList();
  }

  @Name("postCount")
  @Cost(weight = 2)
  @Description("How many published posts this author wrote or co-wrote.")
  public @NonNull List<@NonNull Integer> authorPostCounts(@Source List<Author> authorList) {
    Map<Long, Long> counts =
        authors.countPublishedPosts(authorList.stream().map(a -> a.getView().id()).toList());
    return authorList.stream()
        .map(a -> counts.getOrDefault(a.getView().id(), 0L).intValue())
        .toList();
  }

  @Name("totalCount")
  @Cost(weight = 10)
  @Description("How many posts the whole list holds (costs one more query: ask only if shown).")
  public int totalCount(@Source PostConnection connection) {
    return (int) connection.countAll();
  }

  private PostConnection connection(PostFilter filter, int first, String after, PostOrder order)
      throws InvalidArgumentException {
    checkFirst(first);
    PostPosition position = Cursors.parse(after, order);
    return connection(posts.findPublished(filter, order, position, first), position, order, filter);
  }

  /** A post id as clients send it; ids are decimal numbers. */
  public static long parseId(String id) throws InvalidArgumentException {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException("id: \"" + id + "\" is not a post id.");
    }
  }

  private static void checkFirst(int first) throws InvalidArgumentException {
    if (first < 0 || first > PostCatalog.MAX_PAGE_SIZE) {
      throw new InvalidArgumentException(
          "first must be between 0 and " + PostCatalog.MAX_PAGE_SIZE + "; it was " + first + ".");
    }
  }

  private PostConnection connection(
      PostSlice slice, PostPosition position, PostOrder order, PostFilter filter) {
    return PostConnection.page(slice, position, order, () -> posts.countPublished(filter));
  }
}
