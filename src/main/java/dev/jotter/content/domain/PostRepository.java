package dev.jotter.content.domain;

import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.StaffPostFilter;
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

  /**
   * The ids of the posts {@link #findPublished} would return, in the same order: one light read.
   */
  List<Long> findPublishedIds(PostFilter filter, PostOrder order, PostPosition after, int limit);

  long countPublished(PostFilter filter);

  /** Published posts per tag id, for the given tags. */
  Map<Long, Long> countPublishedByTag(List<Long> tagIds);

  /** Published posts per author id (primary or co-author), for the given authors. */
  Map<Long, Long> countPublishedByAuthor(List<Long> authorIds);

  /** Published posts with these ids (batch-fetching their authors and tags). */
  List<Post> findPublishedByIds(Collection<Long> ids);

  /** Slug, publishedAt and updatedAt of published posts, oldest first: a page of them. */
  List<Object[]> findPublishedLinks(long offset, int limit);

  /** id, version, updatedAt, publishedAt of every published post, oldest first. */
  List<Object[]> findPublishedStamps();

  /**
   * (post id, position, tag id) of every post's tags, drafts' too, in no order: one read of the
   * small join table, without the posts.
   */
  List<Object[]> findTagPositions();

  /** Count, newest updatedAt and newest publishedAt of the published posts. */
  Object[] publishedState();

  /**
   * Year, month (in UTC) and how many posts were published in it, newest month first, at most
   * {@code months} of them: grouped by the database on the index of (status, published_at).
   */
  List<Object[]> countPublishedByMonth(int months);

  /**
   * The newest published posts of each of several authors (or tags), at most {@code limit} each,
   * after a position, in one query: post ids in order, per author (or tag) id.
   *
   * @param byTag true to group by public tag, false by author (primary or co-author)
   */
  Map<Long, List<Long>> findNewestPublishedIds(
      boolean byTag, List<Long> groupIds, PostPosition after, int limit);

  long count();

  /** A post in any status. */
  Optional<Post> findById(long id);

  /** A post in any status by its current slug. */
  Optional<Post> findBySlugAnyStatus(String slug);

  /** Up to {@code limit} posts not in the trash with ids above {@code afterId}, by id. */
  List<Post> findAfterId(long afterId, int limit);

  /** Posts in any status with these ids (batch-fetching their authors and tags). */
  List<Post> findByIds(Collection<Long> ids);

  /** A post in any status, its row locked until the transaction ends. */
  Optional<Post> findByIdForUpdate(long id);

  /** The published post that had this slug before it was renamed. */
  Optional<Post> findPublishedByPreviousSlug(String slug);

  /** Whether another post than {@code exceptPostId} (null: any) has or had this slug. */
  boolean slugInUse(String slug, Long exceptPostId);

  /** Keeps a post's old slug in its history, so the old address still resolves. */
  void retireSlug(long postId, String slug, OffsetDateTime now);

  /** Drops a slug from a post's history (the post took it back). */
  void unretireSlug(long postId, String slug);

  /** The earlier slugs of each post, newest first. */
  Map<Long, List<String>> previousSlugs(Collection<Long> postIds);

  /** Posts in any status for a staff list, most recently edited first (see the filter). */
  List<Post> findForStaff(StaffPostFilter filter, PostPosition after, int limit);

  long countForStaff(StaffPostFilter filter);

  /** Scheduled posts whose time has come, locked for publishing. */
  List<Post> findDueForUpdate(OffsetDateTime now);

  Optional<OffsetDateTime> nextScheduledAt();

  List<Post> findTrashedBefore(OffsetDateTime before);

  /** The published posts of an author (as primary or co-author), or with a tag. */
  List<Long> findPublishedIds(boolean byTag, long groupId);

  void delete(Post post);

  /** Writes pending changes now (and so bumps versions), inside the transaction. */
  void flush();

  Post save(Post post);
}
