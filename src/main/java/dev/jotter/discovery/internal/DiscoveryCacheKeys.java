package dev.jotter.discovery.internal;

import dev.jotter.content.api.ContentEvent;
import dev.jotter.content.api.ContentKeys;
import dev.jotter.platform.cache.CacheKeys;
import dev.jotter.platform.changes.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Discovery's cache keys: a post's related list has a key of its own ({@code
 * Post.related@post:12}), so a publish drops only the lists it changes; search answers are listed
 * under {@code Query.search}. This server drops them after its own refresh ({@link
 * DiscoveryService} fires the invalidation); for a CDN, a post's change makes stale the lists that
 * show it now (the ones that showed it before are listed under its own key).
 */
@ApplicationScoped
public class DiscoveryCacheKeys implements CacheKeys {

  static final String SEARCH = "Query.search";
  private static final String ARCHIVE = "Query.archive";

  @Inject DiscoveryService discovery;

  /** The key of a post's related list. */
  static String related(long postId) {
    return "Post.related@" + ContentKeys.post(postId);
  }

  @Override
  public String keyOf(Object value) {
    return null; // related posts and search hits show content's posts, which have the keys
  }

  @Override
  public Set<String> fieldsWithOwnKeys() {
    return Set.of("Post.related");
  }

  @Override
  public Set<String> stale(Change change) {
    Optional<ContentEvent> event = ContentEvent.of(change);
    if (event.isEmpty()
        || !(event.get() instanceof ContentEvent.PostPublished
            || event.get() instanceof ContentEvent.PostUpdated
            || event.get() instanceof ContentEvent.PostUnpublished
            || event.get() instanceof ContentEvent.PostDeleted)) {
      return Set.of();
    }
    Set<String> keys = new TreeSet<>();
    keys.add(SEARCH);
    keys.add(ARCHIVE);
    long postId = event.get().subjectId();
    keys.add(related(postId));
    discovery.listing(postId).forEach(id -> keys.add(related(id)));
    return keys;
  }
}
