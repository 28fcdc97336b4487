package dev.jotter.authoring.graphql;

import dev.jotter.platform.persistence.DatabaseBackups;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A backup taken by backupDatabase. */
@Name("DatabaseBackup")
@Description("An online backup of the embedded H2 database, a zip on the server's disk.")
public class DatabaseBackup {

  private final DatabaseBackups.Backup backup;

  DatabaseBackup(DatabaseBackups.Backup backup) {
    this.backup = backup;
  }

  @Description(
      "Where the zip is, on the server that took it (in its data directory, under backups/).")
  public @NonNull String getFile() {
    return backup.file().toString();
  }

  @Description("The zip's size in bytes.")
  public long getBytes() {
    return backup.bytes();
  }

  @Description("When the snapshot was taken.")
  public @NonNull OffsetDateTime getTakenAt() {
    return backup.takenAt();
  }
}
