package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Role;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.UnauthenticatedException;
import dev.jotter.platform.persistence.BackupNotSupportedException;
import dev.jotter.platform.persistence.DatabaseBackups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What only administrators do to the installation itself: backups of the database. */
@ApplicationScoped
public class Administration {

  @Inject StaffAccounts accounts;
  @Inject DatabaseBackups backups;

  /** An online backup of the embedded database, on this server's disk. Administrators only. */
  public DatabaseBackups.Backup backupDatabase()
      throws UnauthenticatedException, ForbiddenException, BackupNotSupportedException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, "back up the database");
    return backups.backup();
  }
}
