package dev.jotter.platform.web;

import java.util.List;

/**
 * What a reader page's {@code <head>} says about the page, filled in on the server so that link
 * previews and crawlers that run no script see it: the title, the description, the canonical
 * address, Open Graph and Twitter tags, and JSON-LD. A module offers them for the addresses it owns
 * ({@link PageHeads}).
 *
 * @param found false for an address the module owns but nothing is at (the page answers 404)
 * @param meta the {@code <meta>} tags after the description, in order
 * @param jsonLd a JSON-LD document (schema.org), or null
 * @param language the page's language as a BCP 47 tag ({@code <html lang>}), or null to keep the
 *     shell's
 * @param siteName the blog's name, for the titles of the feeds the page links to, or null to keep
 *     the shell's
 */
public record PageHead(
    boolean found,
    String title,
    String description,
    String canonicalUrl,
    List<Meta> meta,
    String jsonLd,
    String language,
    String siteName) {

  /** Nothing at the address. */
  public static final PageHead NOT_FOUND =
      new PageHead(false, "Not found", null, null, List.of(), null, null, null);

  public PageHead {
    meta = List.copyOf(meta);
  }

  /** This head on a blog of this name and language. */
  public PageHead onSite(String name, String languageTag) {
    return new PageHead(found, title, description, canonicalUrl, meta, jsonLd, languageTag, name);
  }

  /**
   * One {@code <meta>} tag: Open Graph's use {@code property} ({@code og:title}), Twitter's {@code
   * name} ({@code twitter:card}).
   */
  public record Meta(String attribute, String key, String content) {

    public static Meta property(String key, String content) {
      return new Meta("property", key, content);
    }

    public static Meta name(String key, String content) {
      return new Meta("name", key, content);
    }
  }
}
