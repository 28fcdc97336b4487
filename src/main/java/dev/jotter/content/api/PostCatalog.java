package dev.jotter.content.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What readers may see of posts: published posts only, rendered and with their authors and public
 * tags. Every method returns detached views, read in one read transaction or taken from this
 * server's read model of published posts.
 */
public interface PostCatalog {

  /** The largest page a reader may ask for. */
  int MAX_PAGE_SIZE = 100;

  /** The most months {@link #archive()} lists: a hundred years of posts. */
  int MAX_ARCHIVE_MONTHS = 1200;

  /** A published post by its slug, or by a slug it had before it was renamed. */
  Optional<PostView> findPublishedBySlug(String slug);

  /** A post in any status, for the preview of its authors and editors. */
  Optional<PostView> findById(long id);

  /** The slugs each post had before it was renamed, newest first; old links still find it. */
  Map<Long, List<String>> previousSlugs(Collection<Long> postIds);

  /**
   * A page of published posts, in {@code order}, after {@code after} (null: from the start). Costs
   * at most four SQL statements whatever the page size: the posts' ids, then those posts this
   * server's read model lacks, their authors, their tags (one when it holds them all).
   *
   * @param first how many posts, 0 to {@link #MAX_PAGE_SIZE}
   */
  PostSlice findPublished(PostFilter filter, PostOrder order, PostPosition after, int first);

  long countPublished(PostFilter filter);

  /** Published posts by id, in one read (three statements); ids not published are left out. */
  Map<Long, PostView> findPublishedByIds(Collection<Long> ids);

  /**
   * The newest published posts of each of several authors, {@code first} each, after a position:
   * one page per author in a constant number of statements (four), whatever the number of authors.
   * Authors without posts get an empty page.
   */
  Map<Long, PostSlice> findPublishedByAuthors(List<Long> authorIds, PostPosition after, int first);

  /** The same for public tags. */
  Map<Long, PostSlice> findPublishedByTags(List<Long> tagIds, PostPosition after, int first);

  /**
   * The address and dates of published posts, oldest first, without their bodies: {@code limit} of
   * them after the first {@code offset}.
   */
  List<PostLink> findPublishedLinks(long offset, int limit);

  /**
   * The id, version, dates and tag ids of every published post, oldest first, in two queries and
   * without bodies: what discovery compares with the fingerprint of its indexes at start.
   */
  List<PostStamp> publishedStamps();

  /** How many posts are published, and their newest change, in one query. */
  PublishedState publishedState();

  /** How many posts were published in each month, newest month first. */
  List<ArchiveMonth> archive();
}
