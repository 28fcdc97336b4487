package dev.jotter.discovery.graphql;

import dev.jotter.content.api.ArchiveMonth;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.PostView;
import dev.jotter.content.graphql.ContentGraphQLApi;
import dev.jotter.content.graphql.PageInfo;
import dev.jotter.content.graphql.Post;
import dev.jotter.content.graphql.Tag;
import dev.jotter.discovery.domain.Related;
import dev.jotter.discovery.domain.RelatedStore;
import dev.jotter.discovery.domain.RelatedStore.Overrides;
import dev.jotter.discovery.internal.DiscoveryService;
import dev.jotter.discovery.internal.SearchIndex;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import dev.jotter.platform.graphql.Cost;
import dev.jotter.platform.graphql.ListSize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** The discovery side of the schema: related thinking, search and the archive. */
@GraphQLApi
@ApplicationScoped
public class DiscoveryGraphQLApi {

  static final int MAX_RELATED = 10;
  static final int MAX_QUERY_LENGTH = 16_384;

  @Inject DiscoveryService discovery;
  @Inject PostCatalog posts;
  @Inject PostEditor editor;

  @Mutation("pinRelatedPost")
  @Description(
      "Editors: always list relatedPostId first among the post's related posts (after earlier"
          + " pins). Returns the post; ask for its related list.")
  public @NonNull Post pinRelatedPost(
      @NonNull @Id @Name("postId") String postId,
      @NonNull @Id @Name("relatedPostId") String relatedPostId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return override(postId, relatedPostId, RelatedStore.OverrideKind.PIN, "pin related posts");
  }

  @Mutation("excludeRelatedPost")
  @Description("Editors: never list relatedPostId among the post's related posts.")
  public @NonNull Post excludeRelatedPost(
      @NonNull @Id @Name("postId") String postId,
      @NonNull @Id @Name("relatedPostId") String relatedPostId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return override(
        postId, relatedPostId, RelatedStore.OverrideKind.EXCLUDE, "exclude related posts");
  }

  @Mutation("resetRelatedPost")
  @Description("Editors: drop a pin or exclusion; the computed ranking decides again.")
  public @NonNull Post resetRelatedPost(
      @NonNull @Id @Name("postId") String postId,
      @NonNull @Id @Name("relatedPostId") String relatedPostId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return override(postId, relatedPostId, null, "change related posts");
  }

  private Post override(
      String postId, String relatedPostId, RelatedStore.OverrideKind kind, String what)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return Post.of(
        discovery.override(
            ContentGraphQLApi.parseId(postId),
            ContentGraphQLApi.parseId(relatedPostId),
            kind,
            what));
  }

  @Name("related")
  @ListSize(slicingArguments = "first")
  @Description(
      "Related published posts, best first, with why (precomputed: one lookup for a"
          + " whole page of posts).")
  public List<@NonNull List<@NonNull RelatedPost>> related(
      @Source List<Post> sources,
      @Name("first") @DefaultValue("3") @Description("How many, 0 to 10.") int first)
      throws InvalidArgumentException {
    if (first < 0 || first > MAX_RELATED) {
      throw new InvalidArgumentException(
          "first must be between 0 and " + MAX_RELATED + "; it was " + first + ".");
    }
    List<Long> ids = sources.stream().map(p -> p.getView().id()).toList();
    Map<Long, List<Related>> lists = discovery.related(ids);
    Set<Long> wanted = new TreeSet<>();
    lists.values().forEach(l -> l.stream().limit(first).forEach(r -> wanted.add(r.relatedId())));
    Map<Long, PostView> views = posts.findPublishedByIds(wanted);
    List<List<RelatedPost>> result = new ArrayList<>();
    for (Post source : sources) {
      List<RelatedPost> related = new ArrayList<>();
      for (Related r : lists.getOrDefault(source.getView().id(), List.of())) {
        PostView view = views.get(r.relatedId());
        if (view != null && related.size() < first) {
          List<Tag> shared =
              source.getView().tags().stream()
                  .filter(t -> r.sharedTagIds().contains(t.id()))
                  .map(Tag::of)
                  .toList();
          related.add(
              new RelatedPost(
                  Post.of(view), r.score(), r.reasons().stream().sorted().toList(), shared));
        }
      }
      result.add(related);
    }
    return result;
  }

  @Name("relatedOverrides")
  @ListSize(assumedSize = RelatedStore.MAX_OVERRIDES_PER_POST)
  @Description(
      "The posts editors pinned (first, in pin order) or excluded among this post's related"
          + " posts, to show and reset them: for editors and administrators, who may change"
          + " them; null for everyone else. One lookup for a whole page of posts.")
  public List<List<@NonNull RelatedOverride>> relatedOverrides(@Source List<Post> sources) {
    List<Long> ids = sources.stream().map(p -> p.getView().id()).toList();
    Optional<Map<Long, Overrides>> found = discovery.overridesForEditors(ids);
    List<List<RelatedOverride>> result = new ArrayList<>();
    if (found.isEmpty()) {
      sources.forEach(source -> result.add(null));
      return result;
    }
    Set<Long> others = new TreeSet<>();
    found.get().values().forEach(o -> others.addAll(o.pinned()));
    found.get().values().forEach(o -> others.addAll(o.excluded()));
    Map<Long, EditablePost> views = others.isEmpty() ? Map.of() : editor.find(others);
    for (long id : ids) {
      Overrides overrides = found.get().getOrDefault(id, Overrides.NONE);
      List<RelatedOverride> list = new ArrayList<>();
      add(list, overrides.pinned(), RelatedOverrideKind.PINNED, views);
      add(list, overrides.excluded(), RelatedOverrideKind.EXCLUDED, views);
      result.add(list);
    }
    return result;
  }

  /** The overrides of posts that still exist (a purged post's have no effect either). */
  private static void add(
      List<RelatedOverride> list,
      Collection<Long> postIds,
      RelatedOverrideKind kind,
      Map<Long, EditablePost> views) {
    for (long postId : postIds) {
      EditablePost view = views.get(postId);
      if (view != null) {
        list.add(new RelatedOverride(Post.of(view.post()), kind));
      }
    }
  }

  @Query("search")
  @ListSize(slicingArguments = "first", sizedFields = "edges")
  @Cost(weight = 10)
  @Description(
      "Published posts matching the words of query (title, excerpt, headings, body),"
          + " best first. Any text is fine: it is never parsed as query syntax.")
  public @NonNull SearchConnection search(
      @NonNull @Name("query") String query,
      @Name("first") @DefaultValue("10") @Description("How many hits, 0 to 100.") int first,
      @Name("after") String after,
      @Name("tag") @Description("Only posts with this tag (slug).") String tag,
      @Name("author") @Description("Only posts by this author (slug).") String author)
      throws InvalidArgumentException {
    if (first < 0 || first > PostCatalog.MAX_PAGE_SIZE) {
      throw new InvalidArgumentException(
          "first must be between 0 and " + PostCatalog.MAX_PAGE_SIZE + "; it was " + first + ".");
    }
    if (query.isBlank()) {
      throw new InvalidArgumentException("query: type at least one word to search for.");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidArgumentException(
          "query: at most " + MAX_QUERY_LENGTH + " characters; it had " + query.length() + ".");
    }
    Set<String> terms = discovery.terms(query);
    var position = parseCursor(after);
    var page = discovery.search(terms, tag, author, first, position);
    Map<Long, PostView> views =
        posts.findPublishedByIds(page.hits().stream().map(h -> h.id()).toList());
    List<SearchEdge> edges = new ArrayList<>();
    for (var hit : page.hits()) {
      PostView view = views.get(hit.id());
      if (view != null) {
        String snippet = discovery.snippet(view.text(), terms);
        edges.add(new SearchEdge(cursor(hit), new SearchHit(Post.of(view), hit.score(), snippet)));
      }
    }
    PageInfo pageInfo =
        new PageInfo(
            page.hasMore(),
            position != null,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
    return new SearchConnection(edges, pageInfo, (int) page.total());
  }

  @Query("archive")
  @ListSize(assumedSize = PostCatalog.MAX_ARCHIVE_MONTHS)
  @Description(
      "How many posts were published each month, newest month first (at most the last 1,200"
          + " months with posts).")
  public @NonNull List<@NonNull ArchiveMonth> archive() {
    return posts.archive();
  }

  private static String cursor(SearchIndex.Hit hit) {
    ByteBuffer bytes =
        ByteBuffer.allocate(13)
            .put((byte) 's')
            .putInt(Float.floatToIntBits(hit.score()))
            .putLong(hit.id());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  private static SearchIndex.Hit parseCursor(String cursor) throws InvalidArgumentException {
    if (cursor == null) {
      return null;
    }
    try {
      ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
      if (bytes.remaining() != 13 || bytes.get() != 's') {
        throw new IllegalArgumentException();
      }
      float score = Float.intBitsToFloat(bytes.getInt());
      long id = bytes.getLong();
      if (!Float.isFinite(score) || score < 0 || id <= 0) {
        throw new IllegalArgumentException(); // decodes, but no hit can stand there
      }
      return new SearchIndex.Hit(id, score);
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException(
          "after: not a cursor of this search; use an endCursor from an earlier page.");
    }
  }
}
