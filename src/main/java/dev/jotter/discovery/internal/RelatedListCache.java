package dev.jotter.discovery.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jotter.discovery.domain.Related;
import dev.jotter.platform.cache.Invalidation;
import dev.jotter.platform.cache.KeptUntilChange;
import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeConsumer;
import dev.jotter.platform.changes.ChangeLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stored related lists readers asked for, kept on this server ({@link KeptUntilChange}) so that
 * a post page does not read its list from the database each time (a tenth of its CPU once its posts
 * came from memory). Forgotten whenever this server changes the content or its lists (discovery
 * fires an {@link Invalidation} for every list it stores), and when the change log brings another
 * server's change. Callers in a transaction read the table itself.
 */
@ApplicationScoped
public class RelatedListCache implements ChangeConsumer {

  /** Lists kept: each is ten small entries at most. */
  @Inject
  @ConfigProperty(name = "jotter.cache.related.max-lists", defaultValue = "20000")
  long maxLists;

  @Resource TransactionSynchronizationRegistry transactions;

  private KeptUntilChange<Long, List<Related>> lists;

  @PostConstruct
  void init() {
    lists =
        new KeptUntilChange<>(
            Caffeine.newBuilder()
                .maximumSize(Math.max(0, maxLists))
                .executor(Runnable::run) // no pool of Caffeine's own
                .build());
  }

  /** The lists of these posts (an empty one for a post without), kept or read by {@code read}. */
  Map<Long, List<Related>> find(
      Collection<Long> postIds, Function<Collection<Long>, Map<Long, List<Related>>> read) {
    if (maxLists <= 0 || !lists.usableBy(transactions)) {
      return read.apply(postIds);
    }
    return lists.findAll(postIds, read::apply, List.of());
  }

  /** Forgets every list (tests measure reads that find none). */
  public void clear() {
    lists.forget();
  }

  /** A change of the content recorded on this server. */
  void recording(@Observes ChangeLog.Uncommitted uncommitted) {
    lists.changeRecorded(transactions);
  }

  /** Discovery stored lists (or rebuilt them all) on this server. */
  void invalidated(@Observes Invalidation invalidation) {
    lists.changeRecorded(transactions);
  }

  @Override
  public String name() {
    return "related-lists";
  }

  /** Changes read from the change log: those of other servers above all. */
  @Override
  public void apply(List<Change> changes) {
    if (!changes.isEmpty()) {
      lists.forget();
    }
  }
}
