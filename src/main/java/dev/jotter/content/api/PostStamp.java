package dev.jotter.content.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What identifies the state of a published post without reading it: enough for a module that
 * indexes posts to tell whether anything changed since it last did (discovery's fingerprint).
 *
 * @param tagIds all its tags, public and internal, in order
 */
public record PostStamp(
    long id,
    long version,
    OffsetDateTime updatedAt,
    OffsetDateTime publishedAt,
    List<Long> tagIds) {

  public PostStamp {
    tagIds = List.copyOf(tagIds);
  }
}
