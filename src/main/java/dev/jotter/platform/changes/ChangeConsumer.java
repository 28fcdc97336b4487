package dev.jotter.platform.changes;

import java.util.List;

/**
 * Something that follows the change log: a CDI bean of any module. It runs on every server (its
 * position is kept per server, as {@code name@server}), is handed the changes after its position in
 * order, and its position moves past them only when {@link #apply} returns; when it throws, the
 * same changes come again later. Applying a change twice must be harmless.
 */
public interface ChangeConsumer {

  /** A stable name, unique among consumers: where its position is kept. */
  String name();

  /**
   * Whether it can apply changes now. While it cannot (an index still loading at start, say), its
   * changes wait in the log, the committing request is not held up, and the next poll asks again.
   */
  default boolean ready() {
    return true;
  }

  /** Applies a batch of changes, oldest first. */
  void apply(List<Change> changes) throws Exception;
}
