package dev.jotter.platform.errors;

import io.smallrye.graphql.api.ErrorCode;

/** The signed-in staff user's role does not allow the operation. Code FORBIDDEN. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends Exception {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }
}
