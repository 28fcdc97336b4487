package dev.jotter.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeLog;
import dev.jotter.platform.persistence.AfterCompletion;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Anonymous answers of this server, bounded in bytes (Caffeine, least recently and frequently used
 * out first) and listed under their keys. A change drops exactly the answers listed under the keys
 * it makes stale. An answer computed while a change was being applied is not kept: every
 * invalidation moves a generation, and an answer is kept only if the generation it started in is
 * still current once it is stored (or it is dropped by the invalidation's own pass over the keys).
 * A transaction that records a change (or fires an {@link Invalidation}) holds the keys it makes
 * stale until it has completed ({@link HeldKeys}): an answer under them is neither served nor kept
 * meanwhile, so no reader on this server sees an answer older than the last commit, not even in the
 * moment between the commit and the change log's consumers.
 */
@ApplicationScoped
public class ResponseCache {

  /**
   * The cache tag of answers whose keys were too many for a header: every change makes it stale, so
   * a CDN purges such answers on any change.
   */
  public static final String OVERFLOW = "overflow";

  /**
   * What the answer is the answer to: the document's hash, the operation, variables, media type.
   */
  public record Key(String documentHash, String operationName, String variables, String media) {}

  /** An answer as it is written: the body, its entity tag, its keys and the operation's name. */
  public record Answer(byte[] body, String etag, Set<String> keys, String operation) {}

  @Inject
  @ConfigProperty(name = "jotter.cache.responses.max-bytes", defaultValue = "16777216")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "jotter.cache.responses.ttl-seconds", defaultValue = "3600")
  long ttlSeconds;

  @Inject @Any Instance<CacheKeys> modules;

  @Inject MetricRegistry metrics;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<String, Set<Key>> byKey = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final HeldKeys held = new HeldKeys();
  private Cache<Key, Answer> answers;
  private List<CacheKeys> keyModules;
  private Set<String> fieldsWithOwnKeys;
  private Counter hits;
  private Counter misses;

  @PostConstruct
  void init() {
    keyModules = new ArrayList<>();
    Set<String> fields = new HashSet<>();
    for (CacheKeys module : modules) {
      keyModules.add(module);
      fields.addAll(module.fieldsWithOwnKeys());
    }
    fieldsWithOwnKeys = Set.copyOf(fields);
    answers =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(0, maxBytes))
            .<Key, Answer>weigher(ResponseCache::weight)
            .expireAfterWrite(Duration.ofSeconds(Math.max(1, ttlSeconds)))
            .executor(Runnable::run) // listeners in the caller's thread: no pool of Caffeine's own
            .removalListener(this::removed)
            .build();
    Metadata lookups =
        Metadata.builder()
            .withName("jotter.cache.responses.lookups")
            .withDescription("Anonymous GraphQL answers looked up in this server's response cache")
            .build();
    hits = metrics.counter(lookups, new Tag("result", "hit"));
    misses = metrics.counter(lookups, new Tag("result", "miss"));
    metrics.gauge(
        Metadata.builder()
            .withName("jotter.cache.responses.bytes")
            .withDescription("Bytes of answers in this server's response cache (estimated)")
            .build(),
        this,
        c -> c.answers.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L));
  }

  /** False when the cache is switched off ({@code JOTTER_CACHE_RESPONSES_MAX_BYTES=0}). */
  public boolean enabled() {
    return maxBytes > 0;
  }

  /** A collector for the keys of an answer about to be computed. */
  public AnswerKeys collector() {
    return new AnswerKeys(keyModules, fieldsWithOwnKeys);
  }

  /** The generation now: pass it to {@link #put} for an answer computed from now on. */
  public long generation() {
    return generation.get();
  }

  public Optional<Answer> find(Key key) {
    if (!enabled()) {
      return Optional.empty();
    }
    Answer answer = answers.getIfPresent(key);
    if (answer != null && held.anyHeld(answer.keys())) {
      answer = null; // what it shows is being changed
    }
    (answer == null ? misses : hits).inc();
    return Optional.ofNullable(answer);
  }

  /** Keeps an answer computed since {@code startedAt} (a {@link #generation}), unless stale. */
  public void put(Key key, Answer answer, long startedAt) {
    if (!enabled() || generation.get() != startedAt || held.anyHeld(answer.keys())) {
      return;
    }
    for (String k : answer.keys()) {
      byKey.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(key);
    }
    answers.put(key, answer);
    if (generation.get() != startedAt) {
      answers.invalidate(key); // a change was applied meanwhile: its pass may have missed this one
    }
  }

  /** Drops the answers listed under any of these keys. */
  public void invalidate(Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    generation.incrementAndGet();
    for (String k : keys) {
      Set<Key> listed = byKey.remove(k);
      if (listed != null) {
        answers.invalidateAll(listed);
      }
    }
  }

  /** Drops every answer. */
  public void invalidateAll() {
    generation.incrementAndGet();
    answers.invalidateAll();
    byKey.clear();
  }

  /** The keys the modules say a change makes stale. */
  public Set<String> stale(Change change) {
    Set<String> keys = new HashSet<>();
    for (CacheKeys module : keyModules) {
      keys.addAll(module.stale(change));
    }
    return keys;
  }

  /** A change recorded and not yet committed: its keys are held until its transaction ends. */
  void recording(@Observes ChangeLog.Uncommitted uncommitted) {
    if (enabled()) {
      holdUntilCompleted(stale(uncommitted.change()), false);
    }
  }

  /** Held until the transaction that fired it has ended (dropped at once without one). */
  void invalidated(@Observes Invalidation invalidation) {
    if (enabled()) {
      holdUntilCompleted(invalidation.keys(), invalidation.all());
    }
  }

  private void holdUntilCompleted(Set<String> keys, boolean all) {
    if (keys.isEmpty() && !all) {
      return;
    }
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      drop(keys, all);
      return;
    }
    if (all) {
      held.holdEverything();
    } else {
      held.hold(keys);
    }
    drop(keys, all);
    AfterCompletion.run(
        transactions,
        () -> {
          if (all) {
            held.releaseEverything();
          } else {
            held.release(keys);
          }
          drop(keys, all); // and what was computed meanwhile is not kept: the generation moved
        });
  }

  private void drop(Set<String> keys, boolean all) {
    if (all) {
      invalidateAll();
    } else {
      invalidate(keys);
    }
  }

  private void removed(Key key, Answer answer, RemovalCause cause) {
    if (key == null || answer == null || cause == RemovalCause.REPLACED) {
      return; // a replacement is listed under its own keys already
    }
    for (String k : answer.keys()) {
      byKey.computeIfPresent(
          k,
          (x, listed) -> {
            listed.remove(key);
            return listed.isEmpty() ? null : listed;
          });
    }
  }

  private static int weight(Key key, Answer answer) {
    long size = 200L + answer.body().length + key.variables().length() + answer.keys().size() * 40L;
    return (int) Math.min(Integer.MAX_VALUE, size);
  }
}
