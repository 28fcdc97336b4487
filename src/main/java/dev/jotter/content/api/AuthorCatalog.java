package dev.jotter.content.api;

import dev.jotter.platform.errors.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What readers may see of authors. */
public interface AuthorCatalog {

  /** An author by slug, whether or not they wrote a published post (for staff). */
  Optional<AuthorView> findBySlug(String slug);

  /** Every author, by name, whether or not they wrote a published post (for staff). */
  List<AuthorView> findAll();

  /**
   * Up to {@code first} authors, by name, whether or not they wrote a published post (for staff),
   * after the one with slug {@code after} (null: from the start).
   *
   * @throws InvalidArgumentException when {@code after} is no such author
   */
  List<AuthorView> findPage(String after, int first) throws InvalidArgumentException;

  /**
   * An author readers may see: one who wrote or co-wrote a published post. Others (staff who have
   * published nothing, suspended or not) are not found.
   */
  Optional<AuthorView> findWriterBySlug(String slug);

  /**
   * Up to {@code first} authors readers may see, by name, after the one with slug {@code after}
   * (null: from the start).
   *
   * @throws InvalidArgumentException when {@code after} is no such author
   */
  List<AuthorView> findWritersPage(String after, int first) throws InvalidArgumentException;

  /** Every author readers may see, by name. */
  List<AuthorView> findAllWriters();

  /** Published posts per author id (as primary or co-author), in one query; 0 where none. */
  Map<Long, Long> countPublishedPosts(List<Long> authorIds);
}
