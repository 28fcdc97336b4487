package dev.jotter.authoring.graphql;

import dev.jotter.platform.errors.InvalidArgumentException;
import jakarta.enterprise.context.RequestScoped;

/**
 * At most one {@code login} or {@code setup} per HTTP request: a document of aliased sign-ins would
 * otherwise try many passwords in one request. The first runs; the others are refused.
 */
@RequestScoped
public class OneSignInPerRequest {

  private boolean used;

  void claim() throws InvalidArgumentException {
    if (used) {
      throw new InvalidArgumentException(
          "one sign-in (login or setup) per request: send each on its own.");
    }
    used = true;
  }
}
