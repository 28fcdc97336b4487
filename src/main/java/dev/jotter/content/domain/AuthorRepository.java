package dev.jotter.content.domain;

import java.util.List;
import java.util.Optional;

/** Where authors live. */
public interface AuthorRepository {

  Optional<Author> findBySlug(String slug);

  /** The first author (by id) with exactly this name. */
  Optional<Author> findByName(String name);

  List<Author> findAll();

  /** Up to {@code limit} authors, by name (then id), after {@code after} (null: from the start). */
  List<Author> findPage(Author after, int limit);

  /**
   * Up to {@code limit} authors with at least one published post, by name (then id), after {@code
   * after} (null: from the start).
   */
  List<Author> findWritersPage(Author after, int limit);

  /** Whether the author wrote or co-wrote a published post. */
  boolean hasPublishedPosts(long authorId);

  Optional<Author> findById(long id);

  Author save(Author author);
}
