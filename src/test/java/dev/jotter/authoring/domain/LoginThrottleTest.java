package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins per email: five are free, then each attempt waits twice as long as the one before
 * after the last failure, at most 15 minutes; all on a made-up clock, without sleeping.
 */
class LoginThrottleTest {

  private static final String ANN = "ann@example.com";
  private static final String BOB = "bob@example.com";
  private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

  private final Counts throttle = new Counts(LoginThrottle.PER_EMAIL);

  /** The counts a store would keep, in a map: the policy applied as the service applies it. */
  static final class Counts {
    private final LoginThrottle policy;
    private final Map<String, LoginThrottle.Failures> failures = new HashMap<>();

    Counts(LoginThrottle policy) {
      this.policy = policy;
    }

    Duration waitBeforeAttempt(String key, Instant now) {
      return policy.waitBefore(failures.get(key), now);
    }

    void failed(String key, Instant now) {
      failures.put(key, policy.afterFailure(failures.get(key), now));
    }

    void succeeded(String key) {
      failures.remove(key);
    }
  }

  /** Fails {@code times} times on the email, one second apart from {@code from}; the last time. */
  private Instant fail(String email, int times, Instant from) {
    Instant at = from;
    for (int i = 0; i < times; i++) {
      at = from.plusSeconds(i);
      throttle.failed(email, at);
    }
    return at;
  }

  @Test
  void anEmailNeverSeenMayTryAtOnce() {
    assertThat(throttle.waitBeforeAttempt(ANN, T0)).isZero();
  }

  @Test
  void fourFailuresCostNothing() {
    Instant last = fail(ANN, 4, T0);

    assertThat(throttle.waitBeforeAttempt(ANN, last)).isZero();
  }

  @Test
  void afterFiveFailuresTheNextAttemptWaitsOneSecondAfterTheLast() {
    Instant last = fail(ANN, 5, T0);

    assertThat(throttle.waitBeforeAttempt(ANN, last)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void eachFurtherFailureDoublesTheWait() {
    Instant last = fail(ANN, 5, T0);
    long expectedSeconds = 1;
    for (int extra = 0; extra <= 9; extra++) {
      assertThat(throttle.waitBeforeAttempt(ANN, last))
          .as("wait after %d failures", 5 + extra)
          .isEqualTo(Duration.ofSeconds(expectedSeconds));
      last = last.plus(Duration.ofSeconds(expectedSeconds));
      throttle.failed(ANN, last);
      expectedSeconds *= 2;
    }
  }

  @Test
  void afterFourteenFailuresTheWaitIs512Seconds() {
    Instant last = fail(ANN, 14, T0);

    assertThat(throttle.waitBeforeAttempt(ANN, last)).isEqualTo(Duration.ofSeconds(512));
  }

  @Test
  void theWaitStopsGrowingAtFifteenMinutes() {
    Instant last = fail(ANN, 15, T0);
    assertThat(throttle.waitBeforeAttempt(ANN, last)).isEqualTo(Duration.ofMinutes(15));

    last = fail(ANN, 50, last.plusSeconds(1));
    assertThat(throttle.waitBeforeAttempt(ANN, last)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theWaitCountsDownFromTheLastFailure() {
    Instant last = fail(ANN, 8, T0); // 8 failures: 8 s

    assertThat(throttle.waitBeforeAttempt(ANN, last.plusSeconds(3)))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(throttle.waitBeforeAttempt(ANN, last.plusMillis(7_999)))
        .isEqualTo(Duration.ofMillis(1));
    assertThat(throttle.waitBeforeAttempt(ANN, last.plusSeconds(8))).isZero();
    assertThat(throttle.waitBeforeAttempt(ANN, last.plusSeconds(60))).isZero();
  }

  @Test
  void checkingTheWaitDoesNotCountAsAFailure() {
    Instant last = fail(ANN, 5, T0);
    for (int i = 0; i < 10; i++) {
      throttle.waitBeforeAttempt(ANN, last);
    }

    assertThat(throttle.waitBeforeAttempt(ANN, last)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aSuccessClearsTheFailures() {
    Instant last = fail(ANN, 10, T0);

    throttle.succeeded(ANN);

    assertThat(throttle.waitBeforeAttempt(ANN, last)).isZero();
    throttle.failed(ANN, last);
    assertThat(throttle.waitBeforeAttempt(ANN, last)).as("one failure after success").isZero();
  }

  @Test
  void failuresAreForgottenAfterAnHourWithoutFailures() {
    Instant last = fail(ANN, 10, T0);
    Instant later = last.plus(Duration.ofHours(1)).plusSeconds(1);

    assertThat(throttle.waitBeforeAttempt(ANN, later)).isZero();
    throttle.failed(ANN, later);
    assertThat(throttle.waitBeforeAttempt(ANN, later))
        .as("a failure after the old ones were forgotten is the first again")
        .isZero();
  }

  @Test
  void failuresWithinTheHourAreStillCounted() {
    Instant last = fail(ANN, 10, T0);
    Instant later = last.plus(Duration.ofMinutes(59));

    assertThat(throttle.waitBeforeAttempt(ANN, later)).isZero();
    throttle.failed(ANN, later);
    assertThat(throttle.waitBeforeAttempt(ANN, later)).isEqualTo(Duration.ofSeconds(64));
  }

  @Test
  void eachEmailIsCountedOnItsOwn() {
    Instant last = fail(ANN, 7, T0);
    fail(BOB, 2, T0);

    assertThat(throttle.waitBeforeAttempt(ANN, last)).isEqualTo(Duration.ofSeconds(4));
    assertThat(throttle.waitBeforeAttempt(BOB, last)).isZero();

    throttle.succeeded(BOB);
    assertThat(throttle.waitBeforeAttempt(ANN, last)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void aFailureMoreThanAnHourAfterTheLastCountsAsTheFirst() {
    Counts throttle = new Counts(LoginThrottle.PER_EMAIL);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      throttle.failed("a@b.c", t0);
    }
    Instant later = t0.plus(Duration.ofHours(2));
    throttle.failed("a@b.c", later);
    assertThat(throttle.waitBeforeAttempt("a@b.c", later)).isEqualTo(Duration.ZERO);
  }

  @Test
  void aClientAddressHasTwentyFreeFailuresThenWaitsToo() {
    Counts byAddress = new Counts(LoginThrottle.PER_ADDRESS);
    for (int i = 0; i < 19; i++) {
      byAddress.failed("address:192.0.2.7", T0);
    }
    assertThat(byAddress.waitBeforeAttempt("address:192.0.2.7", T0)).isZero();
    byAddress.failed("address:192.0.2.7", T0);
    assertThat(byAddress.waitBeforeAttempt("address:192.0.2.7", T0))
        .isEqualTo(Duration.ofSeconds(1));
  }
}
