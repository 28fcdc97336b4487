package dev.jotter.discovery.domain;

import dev.jotter.content.domain.MarkdownRenderer;
import dev.jotter.content.domain.RenderedBody;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Builds discovery's view of a post from markdown, as the running application does. */
final class TestDocs {

  private TestDocs() {}

  /** A doc rendered from {@code markdown}; tag names get ids in {@code tagIds} by first use. */
  static Doc doc(
      long id,
      String title,
      String markdown,
      List<String> tagNames,
      Map<String, Long> tagIds,
      String author,
      String publishedAt) {
    RenderedBody body = MarkdownRenderer.instance().render(markdown);
    return new Doc(
        id,
        title,
        String.join("\n", body.headings().stream().map(h -> h.text()).toList()),
        body.text(),
        tagNames.stream().map(t -> tagIds.computeIfAbsent(t, k -> tagIds.size() + 1L)).toList(),
        author,
        OffsetDateTime.parse(publishedAt));
  }
}
