package dev.jotter.discovery.graphql;

import dev.jotter.content.graphql.Post;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A pin or exclusion an editor set among a post's related posts. */
@Description(
    "A post an editor pinned or excluded among another's related posts: resetRelatedPost drops"
        + " it.")
public record RelatedOverride(
    @NonNull @Description("The pinned or excluded post.") Post post,
    @NonNull @Description("Pinned or excluded.") RelatedOverrideKind kind) {}
