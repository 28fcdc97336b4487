package dev.jotter.content.domain;

import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where posts live. Reader queries only ever return published posts. */
public interface PostRepository {

  Optional<Post> findPublishedBySlug(String slug);

  /**
   * Up to {@code limit} published posts matching the filter, in the given order, starting after the
   * given position (keyset paging: stable while posts are added).
   */
  List<Post> findPublished(PostFilter filter, PostOrder order, PostPosition after, int limit);

  long countPublished(PostFilter filter);

  /** Published posts per tag id, for the given tags. */
  Map<Long, Long> countPublishedByTag(List<Long> tagIds);

  /** Published posts per author id (primary or co-author), for the given authors. */
  Map<Long, Long> countPublishedByAuthor(List<Long> authorIds);

  /** Published posts with these ids (batch-fetching their authors and tags). */
  List<Post> findPublishedByIds(Collection<Long> ids);

  /** Every published post, oldest first. */
  List<Post> findAllPublished();

  /** The publication time of every published post. */
  List<OffsetDateTime> findPublicationTimes();

  /**
   * The newest published posts of each of several authors (or tags), at most {@code limit} each,
   * after a position, in one query: post ids in order, per author (or tag) id.
   *
   * @param byTag true to group by public tag, false by author (primary or co-author)
   */
  Map<Long, List<Long>> findNewestPublishedIds(
      boolean byTag, List<Long> groupIds, PostPosition after, int limit);

  long count();

  Post save(Post post);
}
