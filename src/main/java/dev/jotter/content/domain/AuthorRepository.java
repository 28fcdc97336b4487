package dev.jotter.content.domain;

import java.util.List;
import java.util.Optional;

/** Where authors live. */
public interface AuthorRepository {

  Optional<Author> findBySlug(String slug);

  List<Author> findAll();

  Optional<Author> findById(long id);

  Author save(Author author);
}
