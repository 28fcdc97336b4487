package dev.jotter.content.domain;

import java.util.List;
import java.util.Optional;

/** Where tags live. */
public interface TagRepository {

  Optional<Tag> findBySlug(String slug);

  /** The tag with this name, letter case aside. */
  Optional<Tag> findByName(String name);

  /** Every public tag (no internal {@code #} tags), by name. */
  List<Tag> findPublic();

  /** Every tag, internal ones included, by name. */
  List<Tag> findAll();

  /**
   * Up to {@code limit} tags by name (then id), after {@code after} (null: from the start);
   * internal tags too unless {@code publicOnly}.
   */
  List<Tag> findPage(boolean publicOnly, Tag after, int limit);

  Tag save(Tag tag);

  /** Deletes a tag and takes it off every post. */
  void delete(Tag tag);
}
