package dev.jotter.authoring.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Import jobs and which post each imported item became; each call in a transaction of its own. */
public interface ImportJobs {

  void create(ImportJob job);

  Optional<ImportJob> find(String id);

  /** The jobs in a state (READY or RUNNING: a few at a time), oldest first. */
  List<ImportJob> findIn(ImportJob.State state);

  /**
   * Moves a job from READY to RUNNING on {@code runner}; false when it was not READY (started
   * already, by anyone, or expired).
   */
  boolean start(String id, OffsetDateTime at, String runner);

  /**
   * Saves a running job's progress (its counts, errors, state and when it finished) and that its
   * runner is alive; false, saving nothing, when it is no longer RUNNING on its runner (another
   * server found it interrupted).
   */
  boolean progress(ImportJob job, OffsetDateTime at);

  /** Records that {@code runner} is still running the job. */
  void beat(String id, String runner, OffsetDateTime at);

  /**
   * Ends a job that nobody runs (interrupted, or expired) with {@code ended}'s state, errors and
   * end, if it is still as {@code seen} (same state, same heartbeat); false otherwise.
   */
  boolean end(ImportJob seen, ImportJob ended);

  /** The post an item of this source became, if one did. */
  Optional<Long> postOf(String source);

  /**
   * Records (or moves) which post an item of this source became; joins the caller's transaction.
   */
  void remember(String source, long postId, OffsetDateTime at);
}
