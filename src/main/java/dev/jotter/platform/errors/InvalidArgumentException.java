package dev.jotter.platform.errors;

import io.smallrye.graphql.api.ErrorCode;

/**
 * An argument a client sent cannot be used (a page size out of range, a cursor Jotter never
 * issued). Shown to the client with its message and {@code extensions.code} BAD_USER_INPUT.
 */
@ErrorCode("BAD_USER_INPUT")
public class InvalidArgumentException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(String message) {
    super(message);
  }
}
