package dev.jotter.authoring.internal;

import io.smallrye.graphql.api.ErrorCode;

/** Too many failed sign-ins on one email: the next attempt must wait. Code TOO_MANY_ATTEMPTS. */
@ErrorCode("TOO_MANY_ATTEMPTS")
public class TooManyAttemptsException extends Exception {

  private static final long serialVersionUID = 1L;

  public TooManyAttemptsException(String message) {
    super(message);
  }
}
