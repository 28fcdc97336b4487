package dev.jotter.content.api;

import java.util.List;

/**
 * What saving a body would derive from its markdown, computed without saving: the sanitized HTML,
 * the headings with their anchors, the reading time and the excerpt (the body's opening words).
 */
public record RenderedMarkdown(
    String html, List<Heading> headings, ReadingTime readingTime, String excerpt) {

  public RenderedMarkdown {
    headings = List.copyOf(headings);
  }
}
