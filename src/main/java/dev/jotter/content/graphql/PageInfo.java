package dev.jotter.content.graphql;

import org.eclipse.microprofile.graphql.Description;

/** Relay's page information. */
@Description("Where a page of a list stands: pass endCursor as after to read the next page.")
public record PageInfo(
    @Description("Whether more items follow this page.") boolean hasNextPage,
    @Description("Whether items come before this page.") boolean hasPreviousPage,
    @Description("The cursor of the first item of the page.") String startCursor,
    @Description("The cursor of the last item of the page.") String endCursor) {}
