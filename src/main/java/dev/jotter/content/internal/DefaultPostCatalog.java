package dev.jotter.content.internal;

import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSlice;
import dev.jotter.content.api.PostView;
import dev.jotter.content.domain.Post;
import dev.jotter.content.domain.PostRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads published posts; views are built inside the transaction that loaded the entities. */
@ApplicationScoped
@Transactional
public class DefaultPostCatalog implements PostCatalog {

  @Inject PostRepository posts;

  @Override
  public Optional<PostView> findPublishedBySlug(String slug) {
    return posts.findPublishedBySlug(slug).map(Views::of);
  }

  @Override
  public PostSlice findPublished(
      PostFilter filter, PostOrder order, PostPosition after, int first) {
    if (first < 0 || first > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("first must be between 0 and " + MAX_PAGE_SIZE);
    }
    if (first == 0) {
      return new PostSlice(List.of(), posts.findPublished(filter, order, after, 1).size() > 0);
    }
    List<Post> page = posts.findPublished(filter, order, after, first + 1);
    boolean hasMore = page.size() > first;
    return new PostSlice(page.stream().limit(first).map(Views::of).toList(), hasMore);
  }

  @Override
  public long countPublished(PostFilter filter) {
    return posts.countPublished(filter);
  }
}
