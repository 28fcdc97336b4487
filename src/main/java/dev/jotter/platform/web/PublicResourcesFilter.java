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
 * Every resource Jotter serves is public; only staff operations need a sign-in, and those answer
 * for themselves in GraphQL (UNAUTHENTICATED). Liberty's MicroProfile JWT feature marks the
 * response 401 before the application runs when a request carries a token it cannot verify
 * (expired, forged) and then lets the request through anonymously: without this filter a reader
 * page or a feed fetched with a stale token would come back 401 with its normal body. The status is
 * reset; the {@code WWW-Authenticate} header stays, telling the client its token was refused.
 */
// FORWARD too: the reader pages filter (after this one, WEB-INF/web.xml) forwards to the page's
// file
@WebFilter(
    filterName = "PublicResources",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class PublicResourcesFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (res.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && !res.isCommitted()) {
      res.setStatus(HttpServletResponse.SC_OK);
    }
    chain.doFilter(req, res);
  }
}
