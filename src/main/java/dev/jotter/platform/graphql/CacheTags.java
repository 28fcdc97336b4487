package dev.jotter.platform.graphql;

import dev.jotter.platform.cache.ResponseCache;
import java.util.Collection;

/**
 * The cache tags a CDN purges answers by ({@code Cache-Tag}, comma-separated, and {@code
 * Surrogate-Key}, space-separated), and the entity tag comparison of {@code If-None-Match}.
 */
final class CacheTags {

  private CacheTags() {}

  /**
   * The keys as one header value of at most {@code maxBytes}: long headers break proxies and
   * frameworks (Next.js and Gatsby failed on WPGraphQL's), so beyond it the answer is tagged {@link
   * ResponseCache#OVERFLOW} instead.
   */
  static String header(Collection<String> keys, int maxBytes) {
    String value = String.join(",", keys);
    return value.length() <= maxBytes ? value : ResponseCache.OVERFLOW;
  }

  /**
   * True when {@code If-None-Match} names this entity tag (or is {@code *}); the comparison is
   * weak, as RFC 9110 asks for this header, so {@code W/"x"} matches {@code "x"}.
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
