package dev.jotter.platform.errors;

import io.smallrye.graphql.api.ErrorCode;

/** The thing a client named (by id or slug) does not exist, or not for them. Code NOT_FOUND. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends Exception {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
