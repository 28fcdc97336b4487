package dev.jotter.discovery.graphql;

import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.graphql.PageInfo;
import dev.jotter.platform.graphql.ListSize;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's connection over search hits. */
@Description("A page of search hits, best first (a Relay connection).")
public record SearchConnection(
    @NonNull @ListSize(assumedSize = PostCatalog.MAX_PAGE_SIZE) List<@NonNull SearchEdge> edges,
    @NonNull PageInfo pageInfo,
    @Description("How many posts match in all.") int totalCount) {}
