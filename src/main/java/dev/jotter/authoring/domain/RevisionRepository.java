package dev.jotter.authoring.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where post revisions live. */
public interface RevisionRepository {

  Revision save(Revision revision);

  Optional<Revision> findById(long id);

  /** Each post's revisions, newest first. */
  Map<Long, List<Revision>> findByPosts(Collection<Long> postIds);

  /** Drops all but the newest {@code keep} revisions of a post. */
  void trim(long postId, int keep);
}
