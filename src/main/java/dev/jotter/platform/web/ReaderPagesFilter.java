package dev.jotter.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Serves the reader front end (static HTML, CSS and JavaScript modules under {@code /app/}) at
 * clean URLs: {@code /}, {@code /p/{slug}}, {@code /tag/{slug}}, {@code /author/{slug}}, {@code
 * /search}. Every such URL gets the same page shell; its script reads the URL and asks {@code
 * /graphql} for the data, as any third-party frontend would.
 */
@WebFilter(filterName = "ReaderPages", urlPatterns = "/*")
public class ReaderPagesFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String SHELL = "/app/index.html";
  private static final Pattern PAGE =
      Pattern.compile("/|/p/[^/]+/?|/tag/[^/]+/?|/author/[^/]+/?|/search/?");

  /** Paths that belong to something else than the reader pages. */
  private static final Pattern NOT_A_PAGE =
      Pattern.compile(
          "/(graphql|graphql-ui|health|metrics|app|media|ArquillianServletRunner).*"
              + "|.*\\.[A-Za-z0-9]{1,8}");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if ("GET".equals(req.getMethod()) && PAGE.matcher(path).matches()) {
      res.setHeader("Cache-Control", "no-cache");
      req.getRequestDispatcher(SHELL).forward(req, res);
      return;
    }
    if ("GET".equals(req.getMethod()) && !NOT_A_PAGE.matcher(path).matches() && acceptsHtml(req)) {
      // an address no page has: the page shell shows the friendly 404, with status 404
      res.setStatus(HttpServletResponse.SC_NOT_FOUND);
      res.setHeader("Cache-Control", "no-cache");
      req.getRequestDispatcher(SHELL).forward(req, res);
      return;
    }
    chain.doFilter(req, res);
  }

  private static boolean acceptsHtml(HttpServletRequest req) {
    String accept = req.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}
