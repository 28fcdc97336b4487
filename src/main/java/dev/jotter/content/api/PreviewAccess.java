package dev.jotter.content.api;

import dev.jotter.platform.errors.UnauthenticatedException;
import java.util.Optional;

/**
 * Who may see posts readers cannot (drafts, scheduled posts): decided by the module that knows the
 * signed-in staff user (authoring), asked by the content module's queries.
 */
public interface PreviewAccess {

  /** Whether the current caller may see this unpublished post; false for anonymous readers. */
  boolean maySee(PostView post);

  /**
   * Whose unpublished posts the current caller may list: empty for everybody's (editors), else one
   * author's (their own).
   *
   * @throws UnauthenticatedException when nobody (valid) is signed in
   */
  Optional<Long> unpublishedScope() throws UnauthenticatedException;
}
