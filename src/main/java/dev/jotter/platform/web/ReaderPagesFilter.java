package dev.jotter.platform.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the reader front end (static HTML, CSS and JavaScript modules under {@code /app/}) at
 * clean URLs: {@code /}, {@code /p/{slug}}, {@code /tag/{slug}}, {@code /author/{slug}}, {@code
 * /search}, {@code /preview/{token}}. Every such URL gets the same page shell; its script reads the
 * URL and asks {@code /graphql} for the data, as any third-party frontend would. For the addresses
 * a module owns ({@link PageHeads}) the shell's {@code <head>} is filled on the server first
 * (title, description, canonical link, Open Graph, Twitter, JSON-LD), and an address with nothing
 * there answers 404.
 */
@WebFilter(filterName = "ReaderPages", urlPatterns = "/*")
public class ReaderPagesFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String SHELL = "/app/index.html";
  private static final Pattern PAGE =
      Pattern.compile("/|/p/[^/]+/?|/tag/[^/]+/?|/author/[^/]+/?|/search/?|/preview/[^/]+/?");

  /** Paths that belong to something else than the reader pages. */
  private static final Pattern NOT_A_PAGE =
      Pattern.compile(
          "/(graphql|graphql-ui|health|metrics|app|admin|media|images|imports|exports"
              + "|ArquillianServletRunner).*"
              + "|.*\\.[A-Za-z0-9]{1,8}");

  @Inject @Any transient Instance<PageHeads> heads;

  private transient volatile String shell;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if ("GET".equals(req.getMethod()) && PAGE.matcher(path).matches()) {
      Optional<PageHead> head = headOf(path);
      if (head.isPresent()) {
        send(req, res, head.get());
        return;
      }
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

  private Optional<PageHead> headOf(String path) {
    String page =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (PageHeads module : heads) {
      Optional<PageHead> head = module.head(page);
      if (head.isPresent()) {
        return head;
      }
    }
    return Optional.empty();
  }

  /** The shell with this head, 404 when nothing is at the address; 304 when the client has it. */
  private void send(HttpServletRequest req, HttpServletResponse res, PageHead head)
      throws IOException {
    byte[] body = PageShell.withHead(shell(), head).getBytes(StandardCharsets.UTF_8);
    String etag = "\"" + sha256(body) + "\"";
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("ETag", etag);
    if (head.found() && etag.equals(req.getHeader("If-None-Match"))) {
      res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    res.setStatus(head.found() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
    res.setContentType("text/html;charset=UTF-8");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  private String shell() throws IOException {
    String known = shell;
    if (known == null) {
      try (InputStream in = getServletContext().getResourceAsStream(SHELL)) {
        if (in == null) {
          throw new IOException("The page shell " + SHELL + " is missing from the WAR");
        }
        known = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      shell = known;
    }
    return known;
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean acceptsHtml(HttpServletRequest req) {
    String accept = req.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}
