package dev.jotter.authoring.internal;

import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.persistence.DatabaseMigrated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For unattended installs: when {@code JOTTER_ADMIN_EMAIL} and {@code JOTTER_ADMIN_PASSWORD} (and
 * optionally {@code JOTTER_ADMIN_NAME}) are set and no staff user exists yet, creates that
 * administrator at start, as {@code setup} would. Also makes sure the token signing keys exist
 * before the first request.
 */
@ApplicationScoped
public class StartupAdministrator {

  private static final Logger LOG = Logger.getLogger(StartupAdministrator.class.getName());

  @Inject StaffAccounts accounts;
  @Inject JwtKeys keys;

  @Inject
  @ConfigProperty(name = "jotter.admin.email")
  Optional<String> email;

  @Inject
  @ConfigProperty(name = "jotter.admin.name")
  Optional<String> name;

  @Inject
  @ConfigProperty(name = "jotter.admin.password")
  Optional<String> password;

  // after the demo blog is seeded (default priority), so the administrator takes over astro
  void start(@Observes @Priority(3000) DatabaseMigrated migrated) {
    keys.ensure();
    if (email.isEmpty() && password.isEmpty()) {
      return;
    }
    if (email.isEmpty() || password.isEmpty()) {
      LOG.severe(
          "Set both JOTTER_ADMIN_EMAIL and JOTTER_ADMIN_PASSWORD to create an administrator");
      return;
    }
    try {
      if (accounts.createInitialAdministrator(email.get(), name.orElse(null), password.get())) {
        LOG.info("Created the administrator " + email.get() + " from the environment");
      }
    } catch (InvalidArgumentException e) {
      LOG.severe("Cannot create the administrator from the environment: " + e.getMessage());
    }
  }
}
