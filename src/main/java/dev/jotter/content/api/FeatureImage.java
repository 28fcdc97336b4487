package dev.jotter.content.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The image shown at the top of a post and in link previews. */
@Description("The image shown at the top of a post and in link previews.")
public record FeatureImage(
    @NonNull @Description("Absolute or site-relative URL of the image.") String url,
    @Description("Alternative text for readers who cannot see the image.") String alt) {}
