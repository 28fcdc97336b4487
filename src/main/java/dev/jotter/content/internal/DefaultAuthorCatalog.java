package dev.jotter.content.internal;

import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.domain.Author;
import dev.jotter.content.domain.AuthorRepository;
import dev.jotter.content.domain.PostRepository;
import dev.jotter.platform.errors.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads authors for readers. */
@ApplicationScoped
@Transactional
public class DefaultAuthorCatalog implements AuthorCatalog {

  @Inject AuthorRepository authors;
  @Inject PostRepository posts;
  @Inject PublishedCounts counts;

  @Override
  public Optional<AuthorView> findBySlug(String slug) {
    return authors.findBySlug(slug).map(Views::of);
  }

  @Override
  public List<AuthorView> findAll() {
    return authors.findAll().stream().map(Views::of).toList();
  }

  @Override
  public List<AuthorView> findPage(String after, int first) throws InvalidArgumentException {
    Author start = null;
    if (after != null) {
      start =
          authors.findBySlug(after).orElseThrow(() -> DefaultTagCatalog.noSuch("author", after));
    }
    return authors.findPage(start, first).stream().map(Views::of).toList();
  }

  @Override
  public Optional<AuthorView> findWriterBySlug(String slug) {
    return authors.findBySlug(slug).filter(a -> authors.hasPublishedPosts(a.id())).map(Views::of);
  }

  @Override
  public List<AuthorView> findWritersPage(String after, int first) throws InvalidArgumentException {
    Author start = null;
    if (after != null) {
      start =
          authors
              .findBySlug(after)
              .filter(a -> authors.hasPublishedPosts(a.id()))
              .orElseThrow(() -> DefaultTagCatalog.noSuch("author", after));
    }
    return authors.findWritersPage(start, first).stream().map(Views::of).toList();
  }

  @Override
  public List<AuthorView> findAllWriters() {
    return authors.findWritersPage(null, Integer.MAX_VALUE).stream().map(Views::of).toList();
  }

  @Override
  public Map<Long, Long> countPublishedPosts(List<Long> authorIds) {
    return counts.getAll(
        authorIds, PublishedCounts.AuthorPosts::new, posts::countPublishedByAuthor);
  }
}
