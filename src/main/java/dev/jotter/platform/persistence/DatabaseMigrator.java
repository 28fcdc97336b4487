package dev.jotter.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Opens the database when the application starts: an embedded H2 file that was not closed cleanly
 * is first made whole ({@link EmbeddedH2}), commits are made durable (H2 writes each commit to its
 * file before the commit returns; PostgreSQL is checked for {@code synchronous_commit}), Flyway
 * brings the schema up to date (the SQL in {@code db/migration}, written for H2 and PostgreSQL
 * alike), then {@link DatabaseMigrated} is fired. A failed migration stops the application from
 * starting: it never runs on a half-made schema. Nothing else may touch the database before.
 */
@ApplicationScoped
public class DatabaseMigrator {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  @Inject Event<DatabaseMigrated> migrated;

  @Inject
  @ConfigProperty(name = "jotter.db.url", defaultValue = "")
  String jdbcUrl;

  /**
   * H2's WRITE_DELAY: 0 writes every commit to the file before the commit returns, so a crash loses
   * nothing acknowledged. H2's own default (500 ms) writes in the background and loses what was
   * committed in the last half second or so (measured: up to 1,019 of 16,363 acknowledged commits).
   */
  @Inject
  @ConfigProperty(name = "jotter.db.h2.write-delay-ms", defaultValue = "0")
  int h2WriteDelayMillis;

  private volatile String schemaVersion;

  void migrateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    EmbeddedH2.fileOf(jdbcUrl).ifPresent(DatabaseMigrator::recover);
    makeCommitsDurable();
    MigrateResult result =
        Flyway.configure(DatabaseMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    schemaVersion =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        () ->
            "Database schema at version "
                + schemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    migrated.fire(new DatabaseMigrated(schemaVersion, result.migrationsExecuted));
  }

  /** The schema version, once migrated; null before. */
  public String schemaVersion() {
    return schemaVersion;
  }

  private static void recover(Path file) {
    EmbeddedH2.Outcome outcome = EmbeddedH2.recover(file);
    if (outcome.state() == EmbeddedH2.State.RECOVERED) {
      LOG.warning(
          String.format(
              "The database %s was not closed cleanly (a crash or kill); a full scan of its %,d"
                  + " bytes found the newest committed version (%d) in %d ms.",
              file, outcome.bytes(), outcome.version(), outcome.millis()));
    } else {
      LOG.fine(() -> "Database file " + file + ": " + outcome.state());
    }
  }

  private void makeCommitsDurable() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.equals("h2")) {
        s.execute("SET WRITE_DELAY " + Math.max(0, h2WriteDelayMillis));
        if (h2WriteDelayMillis > 0) {
          LOG.warning(
              "jotter.db.h2.write-delay-ms is "
                  + h2WriteDelayMillis
                  + ": a crash can lose writes acknowledged in the last "
                  + h2WriteDelayMillis
                  + " ms or so.");
        }
      } else if (product.equals("postgresql")) {
        for (String setting : new String[] {"synchronous_commit", "fsync"}) {
          try (ResultSet rs = s.executeQuery("show " + setting)) {
            if (rs.next() && rs.getString(1).equalsIgnoreCase("off")) {
              LOG.warning(
                  "PostgreSQL runs with "
                      + setting
                      + " = off: a crash can lose writes Jotter acknowledged. Keep it on.");
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open the database: " + e.getMessage(), e);
    }
  }
}
