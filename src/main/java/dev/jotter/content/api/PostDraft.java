package dev.jotter.content.api;

import java.util.List;

/**
 * What an author writes. For a change, a null field is left as it is (send "" to clear a text); for
 * a new draft, null means empty.
 *
 * @param tagSlugs the tags in order (the first public one is the category), at most {@link
 *     PostEditor#MAX_TAGS}
 * @param slug the address; null keeps it (or, for a new draft, makes one from the title)
 * @param authorSlugs the authors in order (the first is the primary author), at most {@link
 *     PostEditor#MAX_AUTHORS}; null keeps them (or, for a new draft, the one who creates it)
 * @param featured whether frontends show it among the featured posts; null keeps it (false)
 * @param seo what it tells search engines and link previews; a null field keeps it, "" clears it
 */
public record PostDraft(
    String title,
    String subtitle,
    String markdown,
    String customExcerpt,
    FeatureImage featureImage,
    List<String> tagSlugs,
    String slug,
    List<String> authorSlugs,
    Boolean featured,
    PostSeo seo) {

  /** A draft of the writing alone: authors, featured and SEO left as they are. */
  public PostDraft(
      String title,
      String subtitle,
      String markdown,
      String customExcerpt,
      FeatureImage featureImage,
      List<String> tagSlugs,
      String slug) {
    this(title, subtitle, markdown, customExcerpt, featureImage, tagSlugs, slug, null, null, null);
  }
}
