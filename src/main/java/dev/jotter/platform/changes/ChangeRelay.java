package dev.jotter.platform.changes;

import dev.jotter.platform.persistence.DatabaseMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Hands the change log to its consumers, on this server. Each consumer keeps its position per
 * server ({@code name@server}); the relay reads what follows it, in order, and moves the position
 * only when the consumer has applied the batch. Changes committed on this server are delivered
 * right after the commit, in the committing thread (so this server reads its own writes); changes
 * from other servers are picked up every half second. A consumer that fails keeps its position and
 * is retried, a little later each time (at most a minute): nothing is skipped.
 */
@ApplicationScoped
public class ChangeRelay {

  private static final Logger LOG = Logger.getLogger(ChangeRelay.class.getName());
  private static final int BATCH = 200;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final Metadata LAG =
      Metadata.builder()
          .withName("jotter.changes.lag")
          .withDescription(
              "Changes in the log that a consumer on this server has not applied yet (as of the"
                  + " last poll, every jotter.changes.poll-millis)")
          .build();

  @Resource ManagedScheduledExecutorService executor;
  @Inject ChangeLog log;
  @Inject ConsumerPositions positions;
  @Inject @Any Instance<ChangeConsumer> consumers;

  @Inject
  @ConfigProperty(name = "jotter.changes.poll-millis", defaultValue = "500")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "jotter.server.id")
  Optional<String> configuredServerId;

  @Inject
  @ConfigProperty(name = "jotter.http.port", defaultValue = "9080")
  String httpPort;

  private final Map<String, Follower> followers = new ConcurrentHashMap<>();
  private volatile ScheduledFuture<?> polling;
  private volatile ScheduledFuture<?> pruning;
  private volatile String serverId;
  private volatile long headAtStart;
  private volatile long headSeen;

  @Inject MetricRegistry metrics;

  /** One consumer on this server: where it is, and when it may be tried again after a failure. */
  private static final class Follower {
    final ChangeConsumer consumer;
    final String key;
    final ReentrantLock lock = new ReentrantLock();
    volatile long position;
    int failures;

    /**
     * How many changes it is handed at once: halved after a failure (a batch too large to apply
     * within the transaction timeout would otherwise fail forever), grown back a little after each
     * success.
     */
    int batch = BATCH;

    long notBefore = System.nanoTime(); // nanoTime may be negative: compare with a real reading
    String lastError;

    Follower(ChangeConsumer consumer, String key, long position) {
      this.consumer = consumer;
      this.key = key;
      this.position = position;
    }
  }

  /**
   * The head of the log before any module builds its state at start: a consumer new to this server
   * starts there, so what commits while the modules build is not missed.
   */
  void beforeModulesStart(@Observes @Priority(100) DatabaseMigrated migrated) {
    headAtStart = log.head();
  }

  /** After the modules have built their state at start (later priorities than theirs). */
  void start(@Observes @Priority(9000) DatabaseMigrated migrated) {
    serverId = configuredServerId.filter(s -> !s.isBlank()).orElseGet(this::defaultServerId);
    long head = headAtStart;
    for (ChangeConsumer consumer : consumers) {
      String key = consumer.name() + "@" + serverId;
      // new to this server: it built its state from the database at start, so it starts at the head
      long position = positions.find(key).orElse(head);
      positions.save(key, position);
      Follower follower = new Follower(consumer, key, position);
      followers.put(key, follower);
      metrics.gauge(
          LAG,
          follower,
          f -> Math.max(0, headSeen - f.position),
          new Tag("consumer", consumer.name()),
          new Tag("server", serverId));
    }
    headSeen = head;
    polling =
        executor.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    pruning = executor.scheduleWithFixedDelay(this::prune, 1, 24, TimeUnit.HOURS);
    LOG.info(
        "Following the change log as " + serverId + " (at " + head + "): " + followers.keySet());
  }

  /** This server's changes, delivered once they are committed (unless this thread defers them). */
  @Transactional(TxType.NOT_SUPPORTED)
  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeLog.Appended appended) {
    if (DEFERRED.get() == null) {
      deliverAll();
    }
  }

  private static final ThreadLocal<Deferral> DEFERRED = new ThreadLocal<>();

  /** While open, this thread's commits are delivered by the poll; closing it delivers the rest. */
  public final class Deferral implements AutoCloseable {
    private Deferral() {}

    @Override
    public void close() {
      DEFERRED.remove();
      deliverAll();
    }
  }

  /**
   * Until the returned deferral is closed, changes this thread commits are not delivered in it, one
   * commit at a time, but by the poll, in batches of up to 200 (every jotter.changes.poll-millis):
   * for bulk writes such as an import of thousands of posts, where each consumer's work per batch
   * (a search index commit, a refresh of related lists) would otherwise be paid per post.
   */
  public Deferral deferDeliveries() {
    Deferral deferral = new Deferral();
    DEFERRED.set(deferral);
    return deferral;
  }

  /**
   * A consumer's position, for others that need to know how far this server has got (tests, the lag
   * metric); empty for an unknown consumer.
   */
  public Optional<Long> position(String consumer) {
    Follower f = followers.get(consumer + "@" + serverId);
    return f == null ? Optional.empty() : Optional.of(f.position);
  }

  /** The name this server follows the log as. */
  public String serverId() {
    return serverId;
  }

  /** Every poll reads the head; the log itself only for the consumers that are behind it. */
  private void poll() {
    long head;
    try {
      head = log.head();
      headSeen = head; // for the lag metric: scraping it reads no database
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Cannot read the change log's head", e);
      head = Long.MAX_VALUE;
    }
    for (Follower follower : followers.values()) {
      if (follower.position < head) {
        deliverSafely(follower);
      }
    }
  }

  private void deliverAll() {
    followers.values().forEach(this::deliverSafely);
  }

  private void deliverSafely(Follower follower) {
    try {
      deliver(follower);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Change relay for " + follower.key + " failed", e);
    }
  }

  private void deliver(Follower f) {
    if (System.nanoTime() - f.notBefore < 0) {
      return; // backing off after a failure
    }
    if (!f.consumer.ready()) {
      return; // the poll comes back in pollMillis
    }
    boolean locked;
    try {
      locked = f.lock.tryLock(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!locked) {
      return;
    }
    try {
      while (true) {
        List<Change> batch = log.after(f.position, f.batch);
        if (batch.isEmpty()) {
          return;
        }
        try {
          f.consumer.apply(batch);
        } catch (Exception e) {
          f.failures++;
          f.batch = Math.max(1, f.batch / 2);
          long backoff = Math.min(MAX_BACKOFF.toMillis(), 1_000L << Math.min(f.failures - 1, 16));
          f.notBefore = System.nanoTime() + backoff * 1_000_000;
          String error = e.toString();
          if (!error.equals(f.lastError)) {
            LOG.log(
                Level.WARNING,
                "Consumer "
                    + f.key
                    + " failed on changes after "
                    + f.position
                    + "; trying again in "
                    + backoff
                    + " ms (and later, until it succeeds)",
                e);
          }
          f.lastError = error;
          positions.failed(f.key, f.position, error);
          return;
        }
        f.position = batch.get(batch.size() - 1).id();
        f.failures = 0;
        f.batch = Math.min(BATCH, f.batch + Math.max(1, f.batch / 10));
        f.lastError = null;
        positions.save(f.key, f.position);
      }
    } finally {
      f.lock.unlock();
    }
  }

  private void prune() {
    try {
      int pruned = log.prune(OffsetDateTime.now(ZoneOffset.UTC).minusDays(7));
      if (pruned > 0) {
        LOG.info("Pruned " + pruned + " change log entries older than 7 days");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Pruning the change log failed; trying again tomorrow", e);
    }
  }

  private String defaultServerId() {
    try {
      return InetAddress.getLocalHost().getHostName() + ":" + httpPort;
    } catch (UnknownHostException e) {
      return "server:" + httpPort;
    }
  }

  /** Timers stop as soon as the application starts stopping, before its context goes away. */
  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    stop();
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
    if (pruning != null) {
      pruning.cancel(false);
    }
  }
}
