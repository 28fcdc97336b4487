package dev.jotter.content.api;

/**
 * Narrows a list of posts to one tag and/or one author (by slug), and to featured posts or to the
 * others; null means no narrowing.
 */
public record PostFilter(String tagSlug, String authorSlug, Boolean featured) {

  public static final PostFilter NONE = new PostFilter(null, null, null);

  /** Of a tag and/or an author, featured or not. */
  public PostFilter(String tagSlug, String authorSlug) {
    this(tagSlug, authorSlug, null);
  }
}
