package dev.jotter.content.graphql;

import dev.jotter.content.api.ContentEvent;
import dev.jotter.content.api.ContentKeys;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostView;
import dev.jotter.platform.cache.CacheKeys;
import dev.jotter.platform.changes.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The content's cache keys: a post, a tag and an author each have one; a post that is published,
 * changed, unpublished or deleted makes its own key stale, those of its tags and authors (their
 * counts and pages), and every root list or lookup of posts, tags and authors. The blog's settings
 * have the key {@code blog}.
 */
@ApplicationScoped
public class ContentCacheKeys implements CacheKeys {

  private static final Set<String> POST_SETS =
      Set.of(
          "Query.post", "Query.posts", "Query.tag", "Query.tags", "Query.author", "Query.authors");

  @Inject PostCatalog posts;

  @Override
  public String keyOf(Object value) {
    if (value instanceof Post post) {
      return post.isPreview() ? CacheKeys.NEVER_SHARED : ContentKeys.post(post.getView().id());
    }
    if (value instanceof Tag tag) {
      return ContentKeys.tag(tag.getView().id());
    }
    if (value instanceof Author author) {
      return ContentKeys.author(author.getView().id());
    }
    if (value instanceof Blog) {
      return ContentKeys.blog();
    }
    return null;
  }

  @Override
  public Set<String> stale(Change change) {
    Optional<ContentEvent> event = ContentEvent.of(change);
    if (event.isEmpty()) {
      return Set.of();
    }
    Set<String> keys = new TreeSet<>();
    ContentEvent e = event.get();
    if (e instanceof ContentEvent.PostPublished
        || e instanceof ContentEvent.PostUpdated
        || e instanceof ContentEvent.PostUnpublished
        || e instanceof ContentEvent.PostDeleted) {
      post(e.subjectId(), keys);
    } else if (e instanceof ContentEvent.TagChanged) {
      keys.add(ContentKeys.tag(e.subjectId()));
      keys.add("Query.tag");
      keys.add("Query.tags");
    } else if (e instanceof ContentEvent.AuthorChanged) {
      keys.add(ContentKeys.author(e.subjectId()));
      keys.add("Query.author");
      keys.add("Query.authors");
    } else if (e instanceof ContentEvent.BlogSettingsChanged) {
      keys.add(ContentKeys.blog());
    } // a schedule changes nothing readers see until the post is published
    return keys;
  }

  private void post(long postId, Set<String> keys) {
    keys.add(ContentKeys.post(postId));
    keys.addAll(POST_SETS);
    Optional<PostView> post = posts.findById(postId);
    if (post.isPresent()) {
      post.get().tags().forEach(t -> keys.add(ContentKeys.tag(t.id())));
      post.get().authors().forEach(a -> keys.add(ContentKeys.author(a.id())));
    }
  }
}
