package dev.jotter.authoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing: after {@value #FREE_FAILURES} failed sign-ins on one email, each further
 * attempt must wait twice as long as the one before (1 s, 2 s, 4 s … at most 15 min) after the last
 * failure. Counted per email whether or not an account has it, so it tells nothing about which
 * emails exist. A successful sign-in clears it; failures are forgotten after an hour. Kept in
 * memory: a restart forgives.
 */
public final class LoginThrottle {

  public static final int FREE_FAILURES = 5;
  private static final Duration MAX_WAIT = Duration.ofMinutes(15);
  private static final Duration FORGET_AFTER = Duration.ofHours(1);
  private static final int MAX_TRACKED = 10_000;

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> failures =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  /** How long the email must still wait before the next attempt; zero when it may try now. */
  public synchronized Duration waitBeforeAttempt(String email, Instant now) {
    Failures f = failures.get(email);
    if (f == null) {
      return Duration.ZERO;
    }
    if (Duration.between(f.last(), now).compareTo(FORGET_AFTER) > 0) {
      failures.remove(email);
      return Duration.ZERO;
    }
    if (f.count() < FREE_FAILURES) {
      return Duration.ZERO;
    }
    Duration delay = Duration.ofSeconds(1L << Math.min(f.count() - FREE_FAILURES, 20));
    if (delay.compareTo(MAX_WAIT) > 0) {
      delay = MAX_WAIT;
    }
    Duration left = delay.minus(Duration.between(f.last(), now));
    return left.isNegative() ? Duration.ZERO : left;
  }

  public synchronized void failed(String email, Instant now) {
    Failures f = failures.get(email);
    boolean forgotten = f == null || Duration.between(f.last(), now).compareTo(FORGET_AFTER) > 0;
    failures.put(email, new Failures(forgotten ? 1 : f.count() + 1, now));
  }

  public synchronized void succeeded(String email) {
    failures.remove(email);
  }
}
