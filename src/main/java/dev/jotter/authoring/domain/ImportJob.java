package dev.jotter.authoring.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An import: the file an administrator sent, checked (the dry run counted {@code total} items and
 * {@code images} images to restore or found already there), then run in the background by one
 * server ({@code runner}: the one that checked the file and holds it, which records that it is
 * alive in {@code heartbeatAt}), images first, then item by item, with its progress and what
 * failed.
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
    int images,
    int imagesRestored,
    int imagesFailed,
    List<Failure> errors,
    long staffId,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String runner,
    OffsetDateTime heartbeatAt) {

  /** The most failures a job keeps with their reasons (the others are only counted). */
  public static final int MAX_ERRORS_KEPT = 1000;

  public ImportJob {
    errors = List.copyOf(errors);
  }

  /** A checked file waiting to be started on the server that holds it ({@code checkedOn}). */
  public static ImportJob ready(
      String id,
      ImportFormat format,
      String fileName,
      long bytes,
      int total,
      int images,
      long staffId,
      OffsetDateTime at,
      String checkedOn) {
    return new ImportJob(
        id,
        format,
        fileName,
        bytes,
        State.READY,
        total,
        0,
        0,
        0,
        0,
        0,
        images,
        0,
        0,
        List.of(),
        staffId,
        at,
        null,
        null,
        checkedOn,
        null);
  }

  /** Where a job is. */
  public enum State {
    /** Checked (dry run) and waiting to be started. */
    READY,
    /** Running in the background. */
    RUNNING,
    /** Every item was tried. */
    DONE,
    /**
     * Stopped before the end (the file could no longer be read, or the server running it stopped),
     * or never started in time.
     */
    FAILED
  }

  /** An item (or an image) that was not saved, and why. */
  public record Failure(String sourceId, String title, String reason) {}

  /** One more item tried, with what became of it ({@code failure} null unless it failed). */
  public ImportJob itemDone(boolean create, boolean update, boolean skip, Failure failure) {
    return copy(
        state,
        done + 1,
        created + (create ? 1 : 0),
        updated + (update ? 1 : 0),
        skipped + (skip ? 1 : 0),
        failed + (failure != null ? 1 : 0),
        imagesRestored,
        imagesFailed,
        withFailure(failure),
        finishedAt);
  }

  /** One more image tried: restored, found there already, or failed ({@code failure}). */
  public ImportJob imageDone(boolean restored, Failure failure) {
    return copy(
        state,
        done,
        created,
        updated,
        skipped,
        failed,
        imagesRestored + (restored ? 1 : 0),
        imagesFailed + (failure != null ? 1 : 0),
        withFailure(failure),
        finishedAt);
  }

  /** The job ended in {@code state} at {@code at}; {@code error} (or null) says why it stopped. */
  public ImportJob finished(State state, String error, OffsetDateTime at) {
    List<Failure> all = new ArrayList<>(errors);
    if (error != null) {
      all.add(new Failure(null, null, error)); // kept past the limit: it says why the job stopped
    }
    return copy(
        state, done, created, updated, skipped, failed, imagesRestored, imagesFailed, all, at);
  }

  /** This job with what a run changes. */
  private ImportJob copy(
      State state,
      int done,
      int created,
      int updated,
      int skipped,
      int failed,
      int imagesRestored,
      int imagesFailed,
      List<Failure> errors,
      OffsetDateTime finishedAt) {
    return new ImportJob(
        id,
        format,
        fileName,
        bytes,
        state,
        total,
        done,
        created,
        updated,
        skipped,
        failed,
        images,
        imagesRestored,
        imagesFailed,
        errors,
        staffId,
        createdAt,
        startedAt,
        finishedAt,
        runner,
        heartbeatAt);
  }

  private List<Failure> withFailure(Failure failure) {
    if (failure == null || errors.size() >= MAX_ERRORS_KEPT) {
      return errors;
    }
    List<Failure> all = new ArrayList<>(errors);
    all.add(failure);
    return all;
  }
}
