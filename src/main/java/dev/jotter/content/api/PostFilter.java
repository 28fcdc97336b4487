package dev.jotter.content.api;

/** Narrows a list of posts to one tag and/or one author (by slug); null means no narrowing. */
public record PostFilter(String tagSlug, String authorSlug) {

  public static final PostFilter NONE = new PostFilter(null, null);
}
