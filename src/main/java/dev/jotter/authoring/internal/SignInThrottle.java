package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.LoginAttempts;
import dev.jotter.authoring.domain.LoginThrottle;
import dev.jotter.authoring.domain.LoginThrottle.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;

/**
 * Admits sign-in attempts under {@link LoginThrottle}, per email and per client address, with the
 * counts in the database. Checking and counting are one step, under a lock, in a transaction of
 * their own (so a failed sign-in's rollback does not undo it): an attempt is counted as a failure
 * when it is admitted and forgiven when it succeeds, so parallel wrong guesses count one each.
 */
@ApplicationScoped
public class SignInThrottle {

  @Inject LoginAttempts attempts;

  /**
   * Counts an attempt for the email and the address, or says how long to wait (and counts nothing).
   *
   * @return zero when the attempt may go ahead
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Duration admit(String email, String address, Instant now) {
    attempts.lock();
    String emailKey = emailKey(email);
    String addressKey = addressKey(address);
    Failures byEmail = attempts.find(emailKey);
    Failures byAddress = attempts.find(addressKey);
    Duration wait =
        max(
            LoginThrottle.PER_EMAIL.waitBefore(byEmail, now),
            LoginThrottle.PER_ADDRESS.waitBefore(byAddress, now));
    if (!wait.isZero()) {
      return wait;
    }
    attempts.save(emailKey, LoginThrottle.PER_EMAIL.afterFailure(byEmail, now));
    attempts.save(addressKey, LoginThrottle.PER_ADDRESS.afterFailure(byAddress, now));
    return Duration.ZERO;
  }

  /** An admitted attempt succeeded: the email's failures are cleared, the address's forgiven. */
  @Transactional(TxType.REQUIRES_NEW)
  public void succeeded(String email, String address) {
    attempts.lock();
    attempts.delete(emailKey(email));
    String addressKey = addressKey(address);
    Failures byAddress = attempts.find(addressKey);
    if (byAddress.count() <= 1) {
      attempts.delete(addressKey);
    } else {
      attempts.save(addressKey, new Failures(byAddress.count() - 1, byAddress.last()));
    }
  }

  /** Deletes counts that are forgotten anyway; how many. */
  @Transactional(TxType.REQUIRES_NEW)
  public int forgetOld(Instant now) {
    return attempts.deleteLastFailureBefore(now.minus(Duration.ofHours(1)));
  }

  private static String emailKey(String email) {
    return "email:" + email;
  }

  private static String addressKey(String address) {
    return "address:" + (address == null || address.isBlank() ? "unknown" : address);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
