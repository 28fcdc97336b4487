package dev.jotter.content.domain;

import dev.jotter.content.api.Heading;
import dev.jotter.content.api.ReadingTime;
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

  /** The reading time of a post with this body; its feature image, if any, counts as an image. */
  public ReadingTime readingTime(boolean featureImage) {
    return ReadingTime.of(wordCount, imageCount + (featureImage ? 1 : 0));
  }

  /** The excerpt of a post with this body: the custom one, if any, else the body's opening. */
  public String excerpt(String customExcerpt) {
    return Excerpt.of(customExcerpt, text);
  }
}
