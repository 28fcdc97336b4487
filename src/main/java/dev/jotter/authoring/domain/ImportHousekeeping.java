package dev.jotter.authoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * What becomes of imports nobody finishes. A RUNNING job is interrupted when the server running it
 * stopped: it is this server's and this server (just started, or running other jobs) is not running
 * it, or its runner has not said it is alive for {@code silence} (it beats every {@link #BEAT}). A
 * READY job not started within {@code keepChecked} expires, and its file goes; so does any waiting
 * file older than that which no running job reads. Every server applies these rules to the shared
 * jobs; each change is made only if the job is still as it was read.
 *
 * @param server this server's name ({@code jotter.server.id})
 */
public record ImportHousekeeping(String server, Duration silence, Duration keepChecked) {

  /** How often a server running an import says so. */
  public static final Duration BEAT = Duration.ofSeconds(30);

  public ImportHousekeeping {
    if (silence.compareTo(BEAT.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("silence must be at least two beats: " + silence);
    }
  }

  /**
   * Why a job was interrupted, if it was: a RUNNING job whose server stopped.
   *
   * @param runningHere the jobs this server is running now
   */
  public Optional<String> interruption(ImportJob job, Set<String> runningHere, OffsetDateTime now) {
    if (job.state() != ImportJob.State.RUNNING || runningHere.contains(job.id())) {
      return Optional.empty();
    }
    String progress =
        " after "
            + job.done()
            + " of "
            + job.total()
            + " items (those saved are kept); send the file again and start it: what was"
            + " imported already is skipped.";
    if (server.equals(job.runner())) {
      return Optional.of(
          "interrupted: the server running this import (" + server + ") stopped" + progress);
    }
    OffsetDateTime alive = job.heartbeatAt() != null ? job.heartbeatAt() : job.startedAt();
    if (alive == null || alive.plus(silence).isBefore(now)) {
      return Optional.of(
          "interrupted: the server running this import ("
              + (job.runner() == null ? "unknown" : job.runner())
              + ") has not been heard of since "
              + alive
              + progress);
    }
    return Optional.empty();
  }

  /** Why a checked job expired, if it did: READY for longer than {@code keepChecked}. */
  public Optional<String> expiry(ImportJob job, OffsetDateTime now) {
    if (job.state() != ImportJob.State.READY || !job.createdAt().plus(keepChecked).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(
        "expired: checked at "
            + job.createdAt()
            + " and not started within "
            + keepChecked.toHours()
            + " h (jotter.import.keep-checked-hours); its file was deleted. Send it again.");
  }

  /**
   * Whether a waiting import file may be deleted: older than {@code keepChecked}, and no running
   * job reads it ({@code job} is its job, if there is one).
   */
  public boolean fileMayGo(Optional<ImportJob> job, Instant written, Instant now) {
    boolean read = job.isPresent() && job.get().state() == ImportJob.State.RUNNING;
    return !read && written.plus(keepChecked).isBefore(now);
  }

  /** The moment before which a runner that has said nothing is taken for stopped. */
  public OffsetDateTime silentSince(OffsetDateTime now) {
    return now.minus(silence);
  }
}
