package dev.jotter.platform.errors;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The operation needs a signed-in staff user and the request has none, or its token is not valid
 * (malformed, expired, not signed by this blog, or of a suspended account). Code UNAUTHENTICATED.
 */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message) {
    super(message);
  }
}
