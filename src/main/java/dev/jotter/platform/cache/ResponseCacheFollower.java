package dev.jotter.platform.cache;

import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * This server's response cache follows the change log: each change drops the answers under the keys
 * it makes stale, on the server that made it right after the commit, on the others within a poll of
 * the log.
 */
@ApplicationScoped
public class ResponseCacheFollower implements ChangeConsumer {

  @Inject ResponseCache cache;

  @Override
  public String name() {
    return "responses";
  }

  @Override
  public void apply(List<Change> changes) {
    if (!cache.enabled()) {
      return;
    }
    Set<String> keys = new HashSet<>();
    for (Change change : changes) {
      keys.addAll(cache.stale(change));
    }
    cache.invalidate(keys);
  }
}
