package dev.jotter.content.api;

import java.time.OffsetDateTime;

/** Where a published post lives and when it last changed: what a sitemap lists, without bodies. */
public record PostLink(String slug, OffsetDateTime publishedAt, OffsetDateTime updatedAt) {

  /** The later of publication and last change. */
  public OffsetDateTime lastModified() {
    return updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
  }
}
