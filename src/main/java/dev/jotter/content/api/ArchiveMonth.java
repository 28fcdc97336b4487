package dev.jotter.content.api;

import org.eclipse.microprofile.graphql.Description;

/** One month of the blog's archive. */
@Description("A month of the archive and how many posts were published in it.")
public record ArchiveMonth(int year, @Description("1 to 12.") int month, int count) {}
