package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Revision;
import java.time.OffsetDateTime;

/** A saved state of a post as the services hand it out (never the entity). */
public record PostRevision(
    long id, long postVersion, String title, String markdown, String savedBy, OffsetDateTime at) {

  static PostRevision of(Revision r) {
    return new PostRevision(
        r.id(), r.postVersion(), r.title(), r.markdown(), r.authorName(), r.createdAt());
  }
}
