package dev.jotter.authoring.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Slows down guessing: after a number of free failed sign-ins on one key (an email, a client
 * address), each further attempt must wait twice as long as the one before after the last failure
 * (1 s, 2 s, 4 s … at most 15 min). Failures are forgotten an hour after the last one. The policy
 * only: the counts live in the database ({@link LoginAttempts}), so they hold across restarts and
 * servers.
 */
public final class LoginThrottle {

  /** Per email, counted whether or not an account has it (so it tells nothing about accounts). */
  public static final LoginThrottle PER_EMAIL = new LoginThrottle(5);

  /** Per client address: enough for a shared office, not for trying one password on many emails. */
  public static final LoginThrottle PER_ADDRESS = new LoginThrottle(20);

  public static final int FREE_FAILURES = PER_EMAIL.freeFailures;

  private static final Duration MAX_WAIT = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  /** The failures of one key: how many, and when the last one was. */
  public record Failures(int count, Instant last) {
    public static final Failures NONE = new Failures(0, Instant.EPOCH);
  }

  private final int freeFailures;

  private LoginThrottle(int freeFailures) {
    this.freeFailures = freeFailures;
  }

  /** How long the key must still wait before the next attempt; zero when it may try now. */
  public Duration waitBefore(Failures failures, Instant now) {
    Failures f = current(failures, now);
    if (f.count() < freeFailures) {
      return Duration.ZERO;
    }
    Duration delay = Duration.ofSeconds(1L << Math.min(f.count() - freeFailures, 20));
    if (delay.compareTo(MAX_WAIT) > 0) {
      delay = MAX_WAIT;
    }
    Duration left = delay.minus(Duration.between(f.last(), now));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The failures after one more at {@code now} (forgotten ones do not count). */
  public Failures afterFailure(Failures failures, Instant now) {
    return new Failures(current(failures, now).count() + 1, now);
  }

  /** Whether failures whose last one was at {@code last} are forgotten by {@code now}. */
  public static boolean forgotten(Instant last, Instant now) {
    return Duration.between(last, now).compareTo(FORGET_AFTER) > 0;
  }

  private static Failures current(Failures failures, Instant now) {
    return failures == null || forgotten(failures.last(), now) ? Failures.NONE : failures;
  }
}
