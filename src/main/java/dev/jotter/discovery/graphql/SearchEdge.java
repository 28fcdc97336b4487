package dev.jotter.discovery.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's edge over search hits. */
@Description("A search hit and the cursor of its place in the results.")
public record SearchEdge(@NonNull String cursor, @NonNull SearchHit node) {}
