package dev.jotter.authoring.graphql;

import dev.jotter.content.api.Heading;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.ReadingTime;
import dev.jotter.content.api.RenderedMarkdown;
import dev.jotter.platform.graphql.ListSize;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A body rendered as a save would render it, for a live preview. */
@Description(
    "Markdown rendered exactly as saving it would render it (nothing is saved): for a live"
        + " preview.")
public class MarkdownPreview {

  private final RenderedMarkdown rendered;

  MarkdownPreview(RenderedMarkdown rendered) {
    this.rendered = rendered;
  }

  @NonNull
  @Description("The body as sanitized HTML, as Post.html would be.")
  public String getHtml() {
    return rendered.html();
  }

  @NonNull
  @Description("The body's section headings in order, with the anchors Post.html gives them.")
  @ListSize(assumedSize = PostEditor.MAX_HEADINGS)
  public List<@NonNull Heading> getHeadings() {
    return rendered.headings();
  }

  @NonNull
  @Description("How long the post would take to read.")
  public ReadingTime getReadingTime() {
    return rendered.readingTime();
  }

  @NonNull
  @Description("The body's first ~160 characters cut at a word: the excerpt without a custom one.")
  public String getExcerpt() {
    return rendered.excerpt();
  }
}
