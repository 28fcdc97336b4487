package dev.jotter.platform.web;

import java.util.Optional;

/**
 * A module's heads for the reader pages at the addresses it owns (content: {@code /p/{slug}},
 * {@code /tag/{slug}}, {@code /author/{slug}}). A CDI bean of the module; the reader pages ask
 * each.
 */
public interface PageHeads {

  /**
   * The head of the page at {@code path}: empty when the path is not this module's, {@link
   * PageHead#NOT_FOUND} when it is but nothing is there.
   */
  Optional<PageHead> head(String path);
}
