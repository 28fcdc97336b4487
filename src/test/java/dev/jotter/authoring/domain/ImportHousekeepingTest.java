package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Imports nobody finishes: interrupted runs, checked files never started. */
class ImportHousekeepingTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 8, 12, 0, 0, 0, ZoneOffset.UTC);

  final ImportHousekeeping rules =
      new ImportHousekeeping("here:9080", Duration.ofMinutes(5), Duration.ofHours(24));

  static ImportJob job(
      ImportJob.State state, String runner, OffsetDateTime heartbeat, OffsetDateTime created) {
    return new ImportJob(
        "abc123",
        ImportFormat.MARKDOWN,
        "blog.zip",
        100,
        state,
        10,
        4,
        3,
        0,
        1,
        0,
        2,
        1,
        0,
        List.of(),
        1,
        created,
        heartbeat,
        null,
        runner,
        heartbeat);
  }

  static ImportJob running(String runner, OffsetDateTime heartbeat) {
    return job(ImportJob.State.RUNNING, runner, heartbeat, NOW.minusHours(1));
  }

  @Test
  void aJobThisServerRanBeforeItRestartedIsInterruptedAtOnce() {
    Optional<String> why = rules.interruption(running("here:9080", NOW), Set.of(), NOW);
    assertThat(why).isPresent();
    assertThat(why.get())
        .startsWith("interrupted: the server running this import (here:9080) stopped")
        .contains("after 4 of 10 items", "send the file again");
  }

  @Test
  void aJobThisServerRunsNowIsNotInterruptedHoweverQuietItIs() {
    assertThat(
            rules.interruption(
                running("here:9080", NOW.minusHours(3)), Set.of("abc123", "other"), NOW))
        .isEmpty();
  }

  @Test
  void anotherServersJobIsInterruptedOnlyOnceItHasBeenSilentTooLong() {
    assertThat(rules.interruption(running("there:9080", NOW.minusMinutes(4)), Set.of(), NOW))
        .isEmpty();
    Optional<String> why =
        rules.interruption(running("there:9080", NOW.minusMinutes(6)), Set.of(), NOW);
    assertThat(why).isPresent();
    assertThat(why.get()).contains("(there:9080) has not been heard of since");
  }

  @Test
  void onlyRunningJobsAreInterrupted() {
    for (ImportJob.State state :
        List.of(ImportJob.State.READY, ImportJob.State.DONE, ImportJob.State.FAILED)) {
      assertThat(
              rules.interruption(
                  job(state, "here:9080", NOW.minusDays(2), NOW.minusDays(2)), Set.of(), NOW))
          .isEmpty();
    }
  }

  @Test
  void aCheckedJobNotStartedWithinTheBoundExpires() {
    ImportJob fresh = job(ImportJob.State.READY, null, null, NOW.minusHours(23));
    ImportJob stale = job(ImportJob.State.READY, null, null, NOW.minusHours(25));
    assertThat(rules.expiry(fresh, NOW)).isEmpty();
    assertThat(rules.expiry(stale, NOW)).hasValueSatisfying(w -> assertThat(w).contains("24 h"));
    ImportJob done = job(ImportJob.State.DONE, null, null, NOW.minusHours(25));
    assertThat(rules.expiry(done, NOW)).isEmpty();
    assertThat(
            new ImportHousekeeping("s", Duration.ofMinutes(5), Duration.ofHours(1))
                .expiry(job(ImportJob.State.READY, null, null, NOW.minusHours(2)), NOW))
        .isPresent();
  }

  @Test
  void aWaitingFileGoesWhenOldUnlessARunningJobReadsIt() {
    ImportJob ready = job(ImportJob.State.READY, null, null, NOW.minusHours(30));
    ImportJob run = running("here:9080", NOW);
    assertThat(rules.fileMayGo(Optional.of(ready), NOW.minusHours(23).toInstant(), NOW.toInstant()))
        .isFalse();
    assertThat(rules.fileMayGo(Optional.of(ready), NOW.minusHours(25).toInstant(), NOW.toInstant()))
        .isTrue();
    assertThat(rules.fileMayGo(Optional.empty(), NOW.minusHours(25).toInstant(), NOW.toInstant()))
        .isTrue();
    assertThat(rules.fileMayGo(Optional.of(run), NOW.minusHours(25).toInstant(), NOW.toInstant()))
        .isFalse();
  }

  @Test
  void theSilenceMustSpanSeveralBeats() {
    assertThatThrownBy(
            () -> new ImportHousekeeping("s", Duration.ofSeconds(40), Duration.ofHours(24)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFinishedJobKeepsWhyItStoppedEvenPastTheErrorLimit() {
    ImportJob job = running("here:9080", NOW);
    for (int i = 0; i < ImportJob.MAX_ERRORS_KEPT + 5; i++) {
      job = job.itemDone(false, false, false, new ImportJob.Failure("s" + i, "t", "bad"));
    }
    assertThat(job.failed()).isEqualTo(ImportJob.MAX_ERRORS_KEPT + 5);
    assertThat(job.errors()).hasSize(ImportJob.MAX_ERRORS_KEPT);
    ImportJob ended = job.finished(ImportJob.State.FAILED, "interrupted: …", NOW);
    assertThat(ended.errors()).hasSize(ImportJob.MAX_ERRORS_KEPT + 1);
    assertThat(ended.errors().get(ImportJob.MAX_ERRORS_KEPT).reason()).isEqualTo("interrupted: …");
    assertThat(ended.finishedAt()).isEqualTo(NOW);
  }
}
