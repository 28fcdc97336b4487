package dev.jotter.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Online backups of the embedded H2 database: H2's {@code BACKUP TO} copies a consistent snapshot
 * of the database file into a zip while the server keeps serving and writing. The zip holds {@code
 * jotter.mv.db}; restoring it is unzipping it into an empty data directory (README: "Backups").
 * Search and related lists need no backup: a server rebuilds them from the posts at start when they
 * do not match. PostgreSQL is backed up with its own tools ({@code pg_dump}), not here.
 */
@ApplicationScoped
public class DatabaseBackups {

  private static final Logger LOG = Logger.getLogger(DatabaseBackups.class.getName());
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  /** A backup written: the zip, its size and when it was taken. */
  public record Backup(Path file, long bytes, OffsetDateTime takenAt) {}

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "jotter.data.dir")
  Optional<String> dataDir;

  /** How many backups are kept in the backups directory; older ones are deleted. */
  @Inject
  @ConfigProperty(name = "jotter.backup.keep", defaultValue = "10")
  int keep;

  private final ReentrantLock oneAtATime = new ReentrantLock();

  /**
   * Takes a backup into {@code <jotter.data.dir>/backups/jotter-<UTC time>.zip}, then deletes the
   * oldest beyond {@code jotter.backup.keep}. One backup at a time on this server.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Backup backup() throws BackupNotSupportedException {
    oneAtATime.lock();
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      if (!"H2".equalsIgnoreCase(product)) {
        throw new BackupNotSupportedException(
            "This server's database is "
                + product
                + ": back it up with its own tools (for PostgreSQL, pg_dump --format=custom;"
                + " README: \"Backups\"). Online backups here are for the embedded H2 database.");
      }
      Path dir = directory();
      Files.createDirectories(dir);
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
      Path target = dir.resolve("jotter-" + STAMP.format(now) + ".zip");
      for (int n = 2; Files.exists(target); n++) {
        target = dir.resolve("jotter-" + STAMP.format(now) + "-" + n + ".zip");
      }
      Path partial = dir.resolve(target.getFileName() + ".part");
      try (Statement statement = c.createStatement()) {
        statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
      } catch (SQLException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      long bytes = Files.size(target);
      LOG.info("Backed up the database to " + target + " (" + bytes + " bytes)");
      prune(dir);
      return new Backup(target, bytes, now);
    } catch (SQLException e) {
      throw new IllegalStateException("The backup failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("The backup could not be written", e);
    } finally {
      oneAtATime.unlock();
    }
  }

  /** Where backups go: {@code backups} in Jotter's data directory. */
  public Path directory() {
    return Path.of(dataDir.orElse(System.getProperty("java.io.tmpdir")), "backups");
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private void prune(Path dir) throws IOException {
    List<Path> backups;
    try (Stream<Path> files = Files.list(dir)) {
      backups =
          files
              .filter(p -> p.getFileName().toString().matches("jotter-.*\\.zip"))
              .sorted(Comparator.comparing(DatabaseBackups::modified).thenComparing(p -> p))
              .toList();
    }
    for (int i = 0; i < backups.size() - Math.max(1, keep); i++) {
      Files.deleteIfExists(backups.get(i));
      LOG.info("Deleted the old backup " + backups.get(i));
    }
  }
}
