package dev.jotter.authoring.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where uploaded import files wait between their dry run and their run. */
public interface ImportFiles {

  /**
   * Stores a whole upload, reading at most {@code maxBytes}.
   *
   * @throws ImportRefusedException when it has more bytes; nothing is kept then
   */
  Path store(String jobId, InputStream in, long maxBytes)
      throws ImportRefusedException, IOException;

  Optional<Path> find(String jobId);

  void delete(String jobId);

  /** The files waiting here, with when each was written. */
  List<Waiting> waiting() throws IOException;

  /** A stored file: its job's id and when it was written. */
  record Waiting(String jobId, Instant written) {}
}
