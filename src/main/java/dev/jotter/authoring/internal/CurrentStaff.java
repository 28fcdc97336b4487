package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.StaffRepository;
import dev.jotter.authoring.domain.StaffUser;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The staff user who sent the current request. Liberty's MicroProfile JWT feature has verified the
 * bearer token (signature, issuer, audience, expiry) before the request reaches Jotter; this looks
 * the token's subject up, so a suspended account or a changed role takes effect at once, whatever
 * its tokens say.
 */
@RequestScoped
public class CurrentStaff {

  @Inject HttpServletRequest request;
  @Inject StaffRepository staff;

  private StaffUser user;
  private UnauthenticatedException failure;
  private boolean resolved;

  /**
   * The signed-in, active staff user.
   *
   * @throws UnauthenticatedException when nobody is signed in, the token is not valid, or the
   *     account is suspended or gone
   */
  public StaffUser require() throws UnauthenticatedException {
    resolve();
    if (failure != null) {
      throw new UnauthenticatedException(failure.getMessage());
    }
    return user;
  }

  /** The signed-in, active staff user, if there is one; anonymous readers get empty. */
  public Optional<StaffUser> find() {
    resolve();
    return Optional.ofNullable(user);
  }

  private void resolve() {
    if (resolved) {
      return;
    }
    resolved = true;
    Principal principal = request.getUserPrincipal();
    if (principal instanceof JsonWebToken token) {
      Optional<StaffUser> found = parseId(token.getSubject()).flatMap(staff::findById);
      if (found.isEmpty()) {
        failure = new UnauthenticatedException("The account of this token no longer exists.");
      } else if (!found.get().isActive()) {
        failure =
            new UnauthenticatedException(
                "This account is suspended; an administrator can reactivate it.");
      } else {
        user = found.get();
      }
    } else if (request.getHeader("Authorization") != null) {
      failure =
          new UnauthenticatedException(
              "The sign-in token is not valid: it is malformed, expired, or not signed by this"
                  + " blog. Sign in again (login) and send 'Authorization: Bearer <token>'.");
    } else {
      failure =
          new UnauthenticatedException(
              "Sign in first: call login and send its token as 'Authorization: Bearer <token>'.");
    }
  }

  private static Optional<Long> parseId(String subject) {
    try {
      return Optional.of(Long.parseLong(subject));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
