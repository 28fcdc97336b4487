package dev.jotter.platform.health;

import dev.jotter.platform.persistence.DatabaseMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers and its schema is migrated (part of {@code /health}). Until the
 * migrator has opened the database it is not asked: an embedded database is recovered before
 * anything opens it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  @Inject DatabaseMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    String version = migrator.schemaVersion();
    if (version == null) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("schemaVersion", "not migrated")
          .build();
    }
    try (Connection connection = dataSource.getConnection()) {
      return HealthCheckResponse.named("database")
          .status(connection.isValid(2))
          .withData("schemaVersion", version)
          .build();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "The database does not answer the readiness check", e);
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", "the database does not answer; see the server log")
          .build();
    }
  }
}
