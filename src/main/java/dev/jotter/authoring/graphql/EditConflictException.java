package dev.jotter.authoring.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** A change lost a race with another save (restoreRevision). Code EDIT_CONFLICT. */
@ErrorCode("EDIT_CONFLICT")
public class EditConflictException extends Exception {

  private static final long serialVersionUID = 1L;

  public EditConflictException(String message) {
    super(message);
  }
}
