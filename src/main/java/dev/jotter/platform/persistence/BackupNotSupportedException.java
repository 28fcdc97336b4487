package dev.jotter.platform.persistence;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The database is not one Jotter backs up itself (PostgreSQL has pg_dump). Code
 * BACKUP_NOT_SUPPORTED.
 */
@ErrorCode("BACKUP_NOT_SUPPORTED")
public class BackupNotSupportedException extends Exception {

  private static final long serialVersionUID = 1L;

  public BackupNotSupportedException(String message) {
    super(message);
  }
}
