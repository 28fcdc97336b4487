package dev.jotter.content.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's edge: a post and its place in the list. */
@Description("A post in a list, with the cursor of its place.")
public record PostEdge(
    @NonNull @Description("Pass as after to read the posts that follow this one.") String cursor,
    @NonNull Post node) {}
