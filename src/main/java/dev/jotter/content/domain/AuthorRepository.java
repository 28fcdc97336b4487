package dev.jotter.content.domain;

import java.util.List;
import java.util.Optional;

/** Where authors live. */
public interface AuthorRepository {

  Optional<Author> findBySlug(String slug);

  List<Author> findAll();

  Author save(Author author);
}
