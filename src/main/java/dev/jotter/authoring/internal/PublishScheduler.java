package dev.jotter.authoring.internal;

import dev.jotter.platform.persistence.DatabaseMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes scheduled posts at their time. Schedules live in the database (status SCHEDULED and
 * publishedAt); this keeps one timer, on Jakarta Concurrency's managed scheduled executor, for the
 * earliest of them, and sets it again whenever a schedule changes. At start it publishes what was
 * missed while the server was down, and it empties the trash of posts deleted more than 30 days ago
 * (at start, then daily). Every server arms its timer and learns of schedule changes made on any
 * server from the change log ({@link ScheduleFollower}); a due post is published once whichever
 * servers try, because it is locked and checked again before it is published.
 */
@ApplicationScoped
public class PublishScheduler {

  private static final Logger LOG = Logger.getLogger(PublishScheduler.class.getName());

  @Resource ManagedScheduledExecutorService executor;
  @Inject PostAuthoring authoring;
  @Inject SignInThrottle throttle;

  private static final Duration MAX_WAIT = Duration.ofDays(1);

  private ScheduledFuture<?> next;
  private volatile ScheduledFuture<?> housekeeping;
  private OffsetDateTime nextAt;

  void start(@Observes @Priority(6000) DatabaseMigrated migrated) {
    publishDue();
    purgeTrash();
    housekeeping = executor.scheduleWithFixedDelay(this::purgeTrash, 1, 1, TimeUnit.DAYS);
  }

  private void publishDue() {
    try {
      List<Long> ids = authoring.publishDue();
      if (!ids.isEmpty()) {
        LOG.info("Published scheduled posts " + ids);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Publishing scheduled posts failed; trying again in a minute", e);
      schedule(OffsetDateTime.now().plusMinutes(1));
      return;
    }
    rearm();
  }

  /**
   * Sets the timer for the earliest scheduled post again (a schedule changed, here or elsewhere).
   */
  synchronized void rearm() { // read and replace under one lock: a stale read never wins
    Optional<OffsetDateTime> due;
    try {
      due = authoring.nextScheduled();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Reading the next scheduled post failed; trying again in a minute", e);
      due = Optional.of(OffsetDateTime.now().plusMinutes(1));
    }
    if (next != null) {
      next.cancel(false);
      next = null;
      nextAt = null;
    }
    due.ifPresent(this::schedule);
  }

  private synchronized void schedule(OffsetDateTime at) {
    if (next != null && nextAt != null && !at.isBefore(nextAt)) {
      return; // an earlier timer is set; it will look again
    }
    if (next != null) {
      next.cancel(false);
    }
    // a day at most: a far-away time (an import from another blog) never overflows the timer
    Duration wait = Duration.between(OffsetDateTime.now(), at);
    long delay = wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT.toMillis() : Math.max(0, wait.toMillis());
    nextAt = at;
    next = executor.schedule(this::publishDue, delay, TimeUnit.MILLISECONDS);
  }

  /** No timer outlives the application (a task of a stopped application fails, CWWKC1101E). */
  /** Timers stop as soon as the application starts stopping, before its context goes away. */
  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    stop();
  }

  @PreDestroy
  synchronized void stop() {
    if (next != null) {
      next.cancel(false);
    }
    if (housekeeping != null) {
      housekeeping.cancel(false);
    }
  }

  /** The daily housekeeping: the trash, and sign-in failures that are forgotten anyway. */
  private void purgeTrash() {
    try {
      List<Long> ids = authoring.purgeTrash();
      if (!ids.isEmpty()) {
        LOG.info("Purged posts trashed more than 30 days ago: " + ids);
      }
      throttle.forgetOld(java.time.Instant.now());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Emptying the trash failed; trying again tomorrow", e);
    }
  }
}
