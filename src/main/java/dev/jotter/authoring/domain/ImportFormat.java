package dev.jotter.authoring.domain;

import java.util.Locale;
import java.util.Optional;

/** The kinds of file an administrator can import posts from. */
public enum ImportFormat {
  /** A zip of {@code .md} files with YAML front matter, or one such file. */
  MARKDOWN,
  /** Ghost's JSON export (Ghost 5: {@code db[0].data}). */
  GHOST,
  /** WordPress's export, WXR (RSS 2.0 with the {@code wp:} namespace). */
  WORDPRESS;

  /** The format named {@code markdown}, {@code ghost} or {@code wordpress}, letter case aside. */
  public static Optional<ImportFormat> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
