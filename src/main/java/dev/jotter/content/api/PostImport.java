package dev.jotter.content.api;

import java.time.OffsetDateTime;

/**
 * A post brought from another blog (or from an export of this one), kept as it was there: its
 * status and dates are the original ones rather than those of the moment it is saved.
 *
 * @param draft what was written, with its slug (null: made from the title), tags and authors in
 *     order (which must exist), excerpt, feature image, featured and SEO fields
 * @param status {@link PostStatus#DRAFT}, {@link PostStatus#PUBLISHED} or {@link
 *     PostStatus#SCHEDULED}
 * @param publishedAt when it was (or is to be) published; for a draft, when it was published before
 *     (or null); null for a published post whose date is unknown (then: when it is saved)
 * @param createdAt when it was first written; null: when it is saved
 */
public record PostImport(
    PostDraft draft, PostStatus status, OffsetDateTime publishedAt, OffsetDateTime createdAt) {}
