package dev.jotter.discovery.internal;

import dev.jotter.content.api.ContentEvent;
import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Discovery on this server follows the content's changes: a post published, changed, unpublished or
 * deleted (here or on another server) is refreshed in this server's search index and in the related
 * lists. Refreshing twice is harmless.
 */
@ApplicationScoped
public class DiscoveryFollower implements ChangeConsumer {

  @Inject DiscoveryService discovery;

  @Override
  public String name() {
    return "discovery";
  }

  /**
   * Not until the related engine is loaded (behind a restart, a minute at 100,000 posts): a publish
   * meanwhile is answered at once and reaches search and the related lists right after.
   */
  @Override
  public boolean ready() {
    return discovery.engineReady();
  }

  @Override
  public void apply(List<Change> changes) {
    Set<Long> posts = new LinkedHashSet<>();
    for (Change change : changes) {
      Optional<ContentEvent> event = ContentEvent.of(change);
      if (event.isPresent()
          && (event.get() instanceof ContentEvent.PostPublished
              || event.get() instanceof ContentEvent.PostUpdated
              || event.get() instanceof ContentEvent.PostUnpublished
              || event.get() instanceof ContentEvent.PostDeleted)) {
        posts.add(event.get().subjectId());
      }
    }
    if (!posts.isEmpty()) {
      discovery.awaitEngine(); // before the refresh's transaction, which should not wait
      discovery.refresh(posts);
    }
  }
}
