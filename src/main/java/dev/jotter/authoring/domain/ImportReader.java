package dev.jotter.authoring.domain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads an import file one post at a time, in the file's order, holding no more than one post in
 * memory (besides what relates posts to their tags and authors): a large blog's export costs the
 * heap what its largest post costs.
 */
public interface ImportReader {

  /**
   * Hands every post (and every page or other item, as skipped) of the file to {@code sink}.
   *
   * @throws ImportRefusedException when the file is malformed, hostile or too large; items already
   *     handed over are not to be saved then (the caller reads the whole file once before it saves
   *     anything)
   */
  void read(Path file, ImportLimits limits, Consumer<ImportItem> sink)
      throws ImportRefusedException, IOException;

  /** The reader of a format. */
  static ImportReader of(ImportFormat format) {
    return switch (format) {
      case MARKDOWN -> new MarkdownImport();
      case GHOST -> new GhostImport();
      case WORDPRESS -> new WordPressImport();
    };
  }
}
