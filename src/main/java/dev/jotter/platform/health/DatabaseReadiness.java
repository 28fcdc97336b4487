package dev.jotter.platform.health;

import dev.jotter.platform.persistence.DatabaseMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and its schema is migrated (part of {@code /health}). */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  @Inject DatabaseMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    String version = migrator.schemaVersion();
    try (Connection connection = dataSource.getConnection()) {
      boolean answers = connection.isValid(2);
      return HealthCheckResponse.named("database")
          .status(answers && version != null)
          .withData("schemaVersion", version == null ? "not migrated" : version)
          .build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
    }
  }
}
