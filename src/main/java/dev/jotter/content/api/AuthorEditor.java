package dev.jotter.content.api;

import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Creates authors and changes their cards; joins the caller's transaction. */
public interface AuthorEditor {

  Optional<AuthorView> find(long authorId);

  /** A new author with a unique slug made from the name. */
  AuthorView create(String name, OffsetDateTime now) throws InvalidArgumentException;

  AuthorView update(long authorId, AuthorProfile profile, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException;

  /**
   * The author card with this slug (when given), else the one with this name, else a new card with
   * that name and slug (the slug made from the name when none is given, or it is not one, or it is
   * taken). Only a card: nobody can sign in as it.
   */
  AuthorView findOrCreate(String name, String slug, OffsetDateTime now)
      throws InvalidArgumentException;
}
