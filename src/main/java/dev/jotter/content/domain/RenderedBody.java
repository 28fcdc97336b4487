package dev.jotter.content.domain;

import dev.jotter.content.api.Heading;
import java.util.List;

/**
 * What a post's markdown becomes when it is saved: sanitized HTML, plain text, the headings for a
 * table of contents, and the counts reading time is computed from.
 */
public record RenderedBody(
    String html, String text, List<Heading> headings, int wordCount, int imageCount) {

  public RenderedBody {
    headings = List.copyOf(headings);
  }
}
