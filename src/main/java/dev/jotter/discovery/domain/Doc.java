package dev.jotter.discovery.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A published post as discovery sees it: its words, its public tags (the first is the primary tag)
 * and its primary author.
 */
public record Doc(
    long id,
    String title,
    String headings,
    String text,
    List<Long> tagIds,
    String authorSlug,
    OffsetDateTime publishedAt) {

  public Doc {
    tagIds = List.copyOf(tagIds);
  }

  public Long primaryTagId() {
    return tagIds.isEmpty() ? null : tagIds.get(0);
  }
}
