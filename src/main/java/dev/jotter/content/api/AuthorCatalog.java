package dev.jotter.content.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What readers may see of authors. */
public interface AuthorCatalog {

  Optional<AuthorView> findBySlug(String slug);

  /** Every author, by name. */
  List<AuthorView> findAll();

  /** Published posts per author id (as primary or co-author), in one query; 0 where none. */
  Map<Long, Long> countPublishedPosts(List<Long> authorIds);
}
