package dev.jotter.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway when the application starts (the SQL in {@code
 * db/migration}, written for H2 and PostgreSQL alike), then fires {@link DatabaseMigrated}. A
 * failed migration stops the application from starting: it never runs on a half-made schema.
 */
@ApplicationScoped
public class DatabaseMigrator {

  private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  @Inject Event<DatabaseMigrated> migrated;

  private volatile String schemaVersion;

  void migrateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
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
}
