package dev.jotter.content.api;

import java.util.List;

/**
 * What an author writes. For a change, a null field is left as it is (send "" to clear a text); for
 * a new draft, null means empty.
 *
 * @param tagSlugs the tags in order (the first public one is the category), at most {@link
 *     PostEditor#MAX_TAGS}
 * @param slug the address; null keeps it (or, for a new draft, makes one from the title)
 */
public record PostDraft(
    String title,
    String subtitle,
    String markdown,
    String customExcerpt,
    FeatureImage featureImage,
    List<String> tagSlugs,
    String slug) {}
