package dev.jotter.content.api;

import java.time.OffsetDateTime;

/**
 * How many posts are published and when the newest change among them happened, read in one cheap
 * query: enough to answer a conditional request before building a sitemap.
 *
 * @param lastModified null when nothing is published
 */
public record PublishedState(long count, OffsetDateTime lastModified) {}
