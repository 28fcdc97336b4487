package dev.jotter.content.api;

import dev.jotter.platform.errors.InvalidArgumentException;
import java.time.OffsetDateTime;

/**
 * The blog's settings: read by frontends, the feeds, the sitemap and the reader pages (kept in
 * memory between changes, so reading them costs no query), changed by administrators through the
 * authoring module.
 */
public interface BlogSettingsCatalog {

  /** The settings now. */
  BlogSettings current();

  /**
   * Changes the settings in the caller's transaction and announces it ({@link
   * ContentEvent.BlogSettingsChanged}); nothing changes when a field is invalid.
   *
   * @throws InvalidArgumentException naming the first invalid field
   */
  BlogSettings update(BlogSettingsChange change, OffsetDateTime now)
      throws InvalidArgumentException;
}
