package dev.jotter.authoring.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code base}, then twice as long each time (at most
 * {@code longest} apart), for {@code window} from its first attempt; after that it has failed.
 *
 * @param base the wait after the first failed attempt
 * @param longest the longest wait between two attempts
 * @param window how long after its first attempt a delivery is still tried
 */
public record WebhookRetries(Duration base, Duration longest, Duration window) {

  /** Production's schedule: 30 s, 1 min, 2 min … then hourly, for 24 h (about 30 attempts). */
  public static final WebhookRetries STANDARD =
      new WebhookRetries(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));

  /**
   * When to try again after {@code attempts} failed attempts, the first made at {@code firstAt};
   * empty when the window is over (the delivery has failed).
   */
  public Optional<OffsetDateTime> next(int attempts, OffsetDateTime firstAt, OffsetDateTime now) {
    Duration wait = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
    if (wait.compareTo(longest) > 0 || wait.isNegative()) {
      wait = longest;
    }
    OffsetDateTime next = now.plus(wait);
    return next.isAfter(firstAt.plus(window)) ? Optional.empty() : Optional.of(next);
  }
}
