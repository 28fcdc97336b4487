package dev.jotter.content.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jotter.platform.cache.KeptUntilChange;
import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeConsumer;
import dev.jotter.platform.changes.ChangeLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The counts shown beside lists (how many posts are published, of a tag, of an author, in each
 * month) kept between changes: counting is a read of an index that grows with the blog (20 ms at
 * 100,000 posts on H2), a page is not. Any change to the content forgets them all: on this server
 * from the moment the transaction records it until it has completed (nothing is kept or served
 * meanwhile, since readers may see the commit before this hears of it), on the others when they
 * read it from the change log.
 */
@ApplicationScoped
public class PublishedCounts implements ChangeConsumer {

  /** Counts of filters are keyed by what readers ask: bounded, the least used go first. */
  static final int MAX_ENTRIES = 10_000;

  private final KeptUntilChange<Object, Object> counts =
      new KeptUntilChange<>(Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build());

  @Resource TransactionSynchronizationRegistry transactions;

  /** The key of a tag's count of published posts. */
  record TagPosts(long tagId) {}

  /** The key of an author's count of published posts. */
  record AuthorPosts(long authorId) {}

  /** The count under {@code key}, computed when not known. */
  @SuppressWarnings("unchecked")
  <T> T get(Object key, Supplier<T> compute) {
    long at = counts.generation();
    Object known = counts.find(key);
    if (known != null) {
      return (T) known;
    }
    T value = compute.get();
    counts.keep(key, value, at);
    return value;
  }

  /**
   * The counts of these ids under {@code key.apply(id)}, those not known computed at once by {@code
   * compute} (an id it leaves out counts 0).
   */
  Map<Long, Long> getAll(
      Collection<Long> ids,
      LongFunction<Object> key,
      Function<List<Long>, Map<Long, Long>> compute) {
    long at = counts.generation();
    Map<Long, Long> found = new HashMap<>();
    List<Long> missing = new ArrayList<>();
    for (Long id : ids) {
      Object known = counts.find(key.apply(id));
      if (known != null) {
        found.put(id, (Long) known);
      } else {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      Map<Long, Long> computed = compute.apply(missing);
      for (Long id : missing) {
        long count = computed.getOrDefault(id, 0L);
        found.put(id, count);
        counts.keep(key.apply(id), count, at);
      }
    }
    return found;
  }

  /** A change recorded on this server: forgotten now, and again once its transaction ends. */
  void recording(@Observes ChangeLog.Uncommitted uncommitted) {
    counts.changeRecorded(transactions);
  }

  @Override
  public String name() {
    return "published-counts";
  }

  /** Changes read from the change log: those of other servers (this server's are forgotten). */
  @Override
  public void apply(List<Change> changes) {
    if (!changes.isEmpty()) {
      counts.forget();
    }
  }
}
