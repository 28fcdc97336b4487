package dev.jotter.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A browser page on another origin may read the blog anonymously, but send a staff token only when
 * its origin is listed in {@code jotter.cors.staff-origins}: a token pasted into some page
 * elsewhere does not work there. The blog's own pages (the writing app, GraphiQL) always may.
 * Checked by every endpoint that takes staff tokens ({@code /graphql}, {@code /images}).
 */
@ApplicationScoped
public class StaffOrigins {

  /**
   * Origins (scheme://host[:port], comma-separated) whose pages may send staff tokens. Anonymous
   * requests come from any origin (Liberty's {@code <cors>}).
   */
  @Inject
  @ConfigProperty(name = "jotter.cors.staff-origins", defaultValue = " ")
  String staffOrigins;

  /** Why this request's staff token is refused (403 FORBIDDEN), if it is. */
  public Optional<String> refusal(HttpServletRequest req) {
    String origin = req.getHeader("Origin");
    if (origin == null || req.getHeader("Authorization") == null) {
      return Optional.empty();
    }
    String host = req.getHeader("Host");
    String authority = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    if (authority.equalsIgnoreCase(host)) {
      return Optional.empty();
    }
    for (String allowed : staffOrigins.split(",")) {
      if (allowed.strip().equalsIgnoreCase(origin)) {
        return Optional.empty();
      }
    }
    return Optional.of(
        "Staff tokens are accepted from this blog's own pages and from the origins in"
            + " JOTTER_CORS_STAFF_ORIGINS; "
            + origin
            + " is not one of them.");
  }
}
