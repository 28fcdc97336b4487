package dev.jotter.authoring.domain;

import java.util.Optional;

/** Import jobs and which post each imported item became; each call in a transaction of its own. */
public interface ImportJobs {

  void create(ImportJob job);

  Optional<ImportJob> find(String id);

  /**
   * Moves a job from READY to RUNNING; false when it was not READY (started already, by anyone).
   */
  boolean start(String id, java.time.OffsetDateTime at);

  /** Saves a job's progress: its counts, errors, state and when it finished. */
  void progress(ImportJob job);

  /** The post an item of this source became, if one did. */
  Optional<Long> postOf(String source);

  /**
   * Records (or moves) which post an item of this source became; joins the caller's transaction.
   */
  void remember(String source, long postId, java.time.OffsetDateTime at);
}
