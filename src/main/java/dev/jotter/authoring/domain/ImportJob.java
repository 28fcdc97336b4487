package dev.jotter.authoring.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import: the file an administrator sent, checked (the dry run counted {@code total} items),
 * then run in the background, item by item, with its progress and the items that failed.
 */
public record ImportJob(
    String id,
    ImportFormat format,
    String fileName,
    long bytes,
    State state,
    int total,
    int done,
    int created,
    int updated,
    int skipped,
    int failed,
    List<Failure> errors,
    long staffId,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {

  /** The most failures a job keeps with their reasons (the others are only counted). */
  public static final int MAX_ERRORS_KEPT = 1000;

  public ImportJob {
    errors = List.copyOf(errors);
  }

  /** Where a job is. */
  public enum State {
    /** Checked (dry run) and waiting to be started. */
    READY,
    /** Running in the background. */
    RUNNING,
    /** Every item was tried. */
    DONE,
    /** Stopped before the end (the file could no longer be read). */
    FAILED
  }

  /** An item that was not saved, and why. */
  public record Failure(String sourceId, String title, String reason) {}
}
