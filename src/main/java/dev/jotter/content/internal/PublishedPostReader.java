package dev.jotter.content.internal;

import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostView;
import dev.jotter.content.domain.Post;
import dev.jotter.content.domain.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published posts read from the database, each call in one read transaction (the caller's, if it
 * has one), the views built inside it: what {@link PublishedPostViews} does not hold.
 */
@ApplicationScoped
@Transactional
public class PublishedPostReader {

  @Inject PostRepository posts;

  /** A published post by its slug, or by a slug it had before it was renamed. */
  public Optional<PostView> bySlug(String slug) {
    return posts
        .findPublishedBySlug(slug)
        .or(() -> posts.findPublishedByPreviousSlug(slug))
        .map(Views::of);
  }

  /** Published posts by id; ids not published are left out. */
  public Map<Long, PostView> byIds(Collection<Long> ids) {
    Map<Long, PostView> views = new HashMap<>();
    for (Post post : posts.findPublishedByIds(ids)) {
      views.put(post.id(), Views.of(post));
    }
    return views;
  }

  /** Up to {@code limit} published posts of a page, whole. */
  public List<PostView> page(PostFilter filter, PostOrder order, PostPosition after, int limit) {
    return posts.findPublished(filter, order, after, limit).stream().map(Views::of).toList();
  }

  /** The ids of the posts {@link #page} would return, in order. */
  public List<Long> pageIds(PostFilter filter, PostOrder order, PostPosition after, int limit) {
    return posts.findPublishedIds(filter, order, after, limit);
  }

  /** How many published posts match the filter. */
  public long count(PostFilter filter) {
    return posts.countPublished(filter);
  }

  /** The newest published post ids of each group (tags or authors), {@code limit} each. */
  public Map<Long, List<Long>> newestIds(
      boolean byTag, List<Long> groupIds, PostPosition after, int limit) {
    return posts.findNewestPublishedIds(byTag, groupIds, after, limit);
  }
}
