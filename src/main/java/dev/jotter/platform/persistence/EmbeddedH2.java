package dev.jotter.platform.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Makes an embedded H2 database file whole after a crash, before the data source opens it.
 *
 * <p>H2 2.x (MVStore) does not rewrite its file header at every commit. After a crash it finds the
 * newest version by following, from the header's chunk, the position each chunk predicted for the
 * next one. When a chunk lands elsewhere, H2 rewrites the header, but pointing at the chunk
 * <em>before</em> the misplaced one (it updates its "last chunk" only after that write), so the
 * chain ends there and commits that are in the file are ignored: a post the API had acknowledged
 * came back missing, or as the draft it was before its publish. A full scan of the file finds them
 * ({@code EmbeddedH2Test} reproduces both). So when the file was not closed cleanly, Jotter opens
 * it once with MVStore's full scan ("recovery mode") and closes it, which writes a correct header;
 * H2 then opens it as usual. A clean file costs one read of its header.
 */
final class EmbeddedH2 {

  /** What {@link #recover} found. */
  enum State {
    /** No database file yet: H2 will create one. */
    NEW,
    /** The last shutdown was clean: nothing to do. */
    CLEAN,
    /** This server has the file open already (the application was restarted, not the server). */
    IN_USE,
    /** The file was not closed cleanly and was scanned; its header now names the newest version. */
    RECOVERED
  }

  /** The outcome: the state, and for a recovered file the version found and the scan's cost. */
  record Outcome(State state, long version, long bytes, long millis) {
    static Outcome of(State state) {
      return new Outcome(state, -1, 0, 0);
    }
  }

  private EmbeddedH2() {}

  /**
   * The database file ({@code name.mv.db}) of an embedded H2 JDBC URL ({@code jdbc:h2:file:...},
   * {@code jdbc:h2:~/...}, {@code jdbc:h2:/...}); empty for in-memory, server and other URLs.
   */
  static Optional<Path> fileOf(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      return Optional.empty();
    }
    String name = jdbcUrl.substring("jdbc:h2:".length());
    int settings = name.indexOf(';');
    if (settings >= 0) {
      name = name.substring(0, settings);
    }
    if (name.toLowerCase(Locale.ROOT).startsWith("file:")) {
      name = name.substring("file:".length());
    } else if (name.matches("(?i)[a-z][a-z0-9]+:.*")) {
      return Optional.empty(); // mem:, tcp:, ssl:, zip:, split: ...
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    if (name.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Path.of(name + ".mv.db").toAbsolutePath().normalize());
  }

  /** Scans the file fully when its last shutdown was not clean; see the class comment. */
  static Outcome recover(Path file) {
    if (!Files.isRegularFile(file)) {
      return Outcome.of(State.NEW);
    }
    try {
      if (closedCleanly(file)) {
        return Outcome.of(State.CLEAN);
      }
      long started = System.nanoTime();
      long version;
      MVStore store = new MVStore.Builder().fileName(file.toString()).recoveryMode().open();
      try {
        version = store.getCurrentVersion();
      } finally {
        store.close();
      }
      return new Outcome(
          State.RECOVERED, version, Files.size(file), (System.nanoTime() - started) / 1_000_000);
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        return Outcome.of(State.IN_USE);
      }
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the database file " + file, e);
    }
  }

  /** Whether H2 wrote its clean-shutdown mark when it last closed the file. */
  private static boolean closedCleanly(Path file) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      return store.getStoreHeader().get("clean") != null;
    } finally {
      store.close();
    }
  }
}
