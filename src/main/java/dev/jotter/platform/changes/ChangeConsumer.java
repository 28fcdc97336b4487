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

  /** Applies a batch of changes, oldest first. */
  void apply(List<Change> changes) throws Exception;
}
