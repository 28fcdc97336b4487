package dev.jotter.content.internal;

import dev.jotter.content.api.TagCatalog;
import dev.jotter.content.api.TagView;
import dev.jotter.content.domain.PostRepository;
import dev.jotter.content.domain.Tag;
import dev.jotter.content.domain.TagRepository;
import dev.jotter.platform.errors.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads public tags for readers; internal tags are never returned. */
@ApplicationScoped
@Transactional
public class DefaultTagCatalog implements TagCatalog {

  @Inject TagRepository tags;
  @Inject PostRepository posts;
  @Inject PublishedCounts counts;

  @Override
  public Optional<TagView> findPublicBySlug(String slug) {
    return tags.findBySlug(slug).filter(Tag::isPublic).map(Views::of);
  }

  @Override
  public List<TagView> findAllPublic() {
    return tags.findPublic().stream().map(Views::of).toList();
  }

  @Override
  public List<TagView> findPublicPage(String after, int first) throws InvalidArgumentException {
    Tag start = null;
    if (after != null) {
      start = tags.findBySlug(after).filter(Tag::isPublic).orElseThrow(() -> noSuch("tag", after));
    }
    return tags.findPage(true, start, first).stream().map(Views::of).toList();
  }

  static InvalidArgumentException noSuch(String what, String slug) {
    return new InvalidArgumentException(
        "after: there is no "
            + what
            + " \""
            + slug
            + "\"; pass the slug of the last "
            + what
            + " of the page before.");
  }

  @Override
  public Map<Long, Long> countPublishedPosts(List<Long> tagIds) {
    return counts.getAll(tagIds, PublishedCounts.TagPosts::new, posts::countPublishedByTag);
  }
}
