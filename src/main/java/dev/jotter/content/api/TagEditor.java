package dev.jotter.content.api;

import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Creates, changes and deletes tags, internal ({@code #}) ones included; joins the caller's
 * transaction.
 */
public interface TagEditor {

  /** Every tag, internal ones included, by name. */
  List<TagView> findAll();

  /**
   * Up to {@code first} tags, internal ones included, by name, after the tag with slug {@code
   * after} (null: from the start).
   *
   * @throws InvalidArgumentException when there is no tag {@code after}
   */
  List<TagView> findPage(String after, int first) throws InvalidArgumentException;

  Optional<TagView> findBySlug(String slug);

  /** A new tag; its slug is made from the name unless given. */
  TagView create(String name, String slug, String description, OffsetDateTime now)
      throws InvalidArgumentException;

  /** Changes a tag; a null field is left as it is. */
  TagView update(String slug, String name, String newSlug, String description, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException;

  /**
   * Deletes a tag and takes it off every post.
   *
   * @return the ids of the published posts that had it
   */
  List<Long> delete(String slug) throws NotFoundException;

  /**
   * The tag with this slug (when given), else the one with this name (letter case aside), else a
   * new one with that name and slug (the slug made from the name when none is given or it is
   * taken).
   *
   * @throws InvalidArgumentException for a blank or too long name, or a slug that is not one
   */
  TagView findOrCreate(String name, String slug, OffsetDateTime now)
      throws InvalidArgumentException;
}
