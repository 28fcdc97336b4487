package dev.jotter.content.internal;

import dev.jotter.content.api.ArchiveMonth;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostLink;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSlice;
import dev.jotter.content.api.PostStamp;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.PublishedState;
import dev.jotter.content.domain.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads published posts: a reader's posts come from this server's read model ({@link
 * PublishedPostViews}), what it lacks from the database ({@link PublishedPostReader}); lists read
 * only their ids from the database. The other reads each run in one read transaction, with the
 * views built inside it.
 */
@ApplicationScoped
public class DefaultPostCatalog implements PostCatalog {

  @Inject PostRepository posts;
  @Inject PublishedCounts counts;
  @Inject PublishedPostViews views;
  @Inject PublishedPostReader reader;

  @Override
  public Optional<PostView> findPublishedBySlug(String slug) {
    return views.bySlug(slug, reader::bySlug);
  }

  @Override
  @Transactional
  public Optional<PostView> findById(long id) {
    return posts.findById(id).map(Views::of);
  }

  @Override
  @Transactional
  public Map<Long, List<String>> previousSlugs(Collection<Long> postIds) {
    return posts.previousSlugs(postIds);
  }

  @Override
  public PostSlice findPublished(
      PostFilter filter, PostOrder order, PostPosition after, int first) {
    checkFirst(first);
    if (first == 0) {
      return new PostSlice(List.of(), !reader.pageIds(filter, order, after, 1).isEmpty());
    }
    if (!views.usable()) {
      List<PostView> page = reader.page(filter, order, after, first + 1);
      return new PostSlice(page.stream().limit(first).toList(), page.size() > first);
    }
    List<Long> ids =
        views.pageIds(
            filter, order, after, first + 1, () -> reader.pageIds(filter, order, after, first + 1));
    return slice(ids, first, findPublishedByIds(ids.subList(0, Math.min(first, ids.size()))));
  }

  /** The first {@code first} of {@code ids} as a page (a post unpublished meanwhile left out). */
  private static PostSlice slice(List<Long> ids, int first, Map<Long, PostView> found) {
    return new PostSlice(
        ids.stream().limit(first).map(found::get).filter(Objects::nonNull).toList(),
        ids.size() > first);
  }

  private static void checkFirst(int first) {
    if (first < 0 || first > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("first must be between 0 and " + MAX_PAGE_SIZE);
    }
  }

  @Override
  public long countPublished(PostFilter filter) {
    return counts.get(filter, () -> reader.count(filter));
  }

  @Override
  public Map<Long, PostView> findPublishedByIds(Collection<Long> ids) {
    return ids.isEmpty() ? Map.of() : views.byIds(ids, reader::byIds);
  }

  @Override
  public Map<Long, PostSlice> findPublishedByAuthors(
      List<Long> authorIds, PostPosition after, int first) {
    return pagesOf(false, authorIds, after, first);
  }

  @Override
  public Map<Long, PostSlice> findPublishedByTags(
      List<Long> tagIds, PostPosition after, int first) {
    return pagesOf(true, tagIds, after, first);
  }

  private Map<Long, PostSlice> pagesOf(
      boolean byTag, List<Long> groupIds, PostPosition after, int first) {
    checkFirst(first);
    Map<Long, List<Long>> ids = reader.newestIds(byTag, groupIds, after, first + 1);
    Set<Long> all = new HashSet<>();
    ids.values().forEach(page -> all.addAll(page.subList(0, Math.min(first, page.size()))));
    Map<Long, PostView> found = findPublishedByIds(all);
    Map<Long, PostSlice> pages = new HashMap<>();
    for (Long group : groupIds) {
      pages.put(group, slice(ids.getOrDefault(group, List.of()), first, found));
    }
    return pages;
  }

  @Override
  @Transactional
  public List<PostLink> findPublishedLinks(long offset, int limit) {
    return posts.findPublishedLinks(offset, limit).stream()
        .map(row -> new PostLink((String) row[0], (OffsetDateTime) row[1], (OffsetDateTime) row[2]))
        .toList();
  }

  @Override
  @Transactional
  public List<PostStamp> publishedStamps() {
    // (position, tag id) pairs per post, sorted by position below
    Map<Long, List<long[]>> positions = new HashMap<>();
    for (Object[] row : posts.findTagPositions()) {
      positions
          .computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>(2))
          .add(new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
    }
    Map<Long, List<Long>> tags = new HashMap<>();
    positions.forEach(
        (post, pairs) -> {
          pairs.sort(Comparator.comparingLong(pair -> pair[0]));
          tags.put(post, pairs.stream().map(pair -> pair[1]).toList());
        });
    return posts.findPublishedStamps().stream()
        .map(
            row -> {
              long id = ((Number) row[0]).longValue();
              return new PostStamp(
                  id,
                  ((Number) row[1]).longValue(),
                  (OffsetDateTime) row[2],
                  (OffsetDateTime) row[3],
                  tags.getOrDefault(id, List.of()));
            })
        .toList();
  }

  @Override
  @Transactional
  public PublishedState publishedState() {
    return counts.get(PublishedState.class, this::readPublishedState);
  }

  private PublishedState readPublishedState() {
    Object[] row = posts.publishedState();
    OffsetDateTime updated = (OffsetDateTime) row[1];
    OffsetDateTime published = (OffsetDateTime) row[2];
    OffsetDateTime last =
        updated == null
            ? published
            : published == null || updated.isAfter(published) ? updated : published;
    return new PublishedState(((Number) row[0]).longValue(), last);
  }

  @Override
  @Transactional
  public List<ArchiveMonth> archive() {
    return counts.get(
        ArchiveMonth.class,
        () ->
            posts.countPublishedByMonth(MAX_ARCHIVE_MONTHS).stream()
                .map(
                    row ->
                        new ArchiveMonth(
                            ((Number) row[0]).intValue(),
                            ((Number) row[1]).intValue(),
                            ((Number) row[2]).intValue()))
                .toList());
  }
}
