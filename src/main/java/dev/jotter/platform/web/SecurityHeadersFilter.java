package dev.jotter.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response, set before anything else answers: no MIME sniffing, no
 * framing by other sites, referrers cut to the origin across sites, and a Content-Security-Policy.
 * The reader pages and GraphiQL may load scripts only from this origin (no inline script; the one
 * inline style, the reader's noscript rule, is allowed by its hash); everything else (JSON, feeds,
 * images) may load nothing at all, so an SVG or an HTML-looking answer can never run a script.
 */
@WebFilter(
    filterName = "SecurityHeaders",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The reader pages: this origin's scripts, styles and API; images from anywhere on https. */
  static final String READER_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'"
          + " 'sha256-TmtVFSNYlY+fcSSXCvuUZUrkj94pQhWulNokCqkFNew='; img-src 'self' https: data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  /**
   * GraphiQL (bundled, offline): its scripts from this origin; React and CodeMirror set styles at
   * run time, so styles may be inline.
   */
  static final String GRAPHIQL_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none';"
          + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** Answers that are not pages (JSON, XML, images): they may load and run nothing. */
  static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Content-Security-Policy", policy(path(req)));
    chain.doFilter(req, res);
  }

  /** The policy for a path of the application. */
  static String policy(String path) {
    if (path.startsWith("/graphql-ui")) {
      return GRAPHIQL_POLICY;
    }
    if (path.equals("/graphql")
        || path.startsWith("/graphql/")
        || path.startsWith("/health")
        || path.startsWith("/media/")
        || path.endsWith(".xml")
        || path.endsWith(".json")
        || path.endsWith(".svg")) {
      return DATA_POLICY;
    }
    return READER_POLICY;
  }

  private static String path(HttpServletRequest req) {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    return path.isEmpty() ? "/" : path;
  }
}
