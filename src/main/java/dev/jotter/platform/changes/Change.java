package dev.jotter.platform.changes;

import java.time.OffsetDateTime;

/**
 * One entry of the change log: what changed ({@code kind}, named by the module that owns the state,
 * such as {@code post-published}) and which thing ({@code subjectId}, such as a post id). Ids grow
 * in commit order, so a consumer that has seen id n has seen everything before.
 */
public record Change(long id, String kind, long subjectId, OffsetDateTime at) {}
