package dev.jotter.authoring.domain;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.regex.Pattern;

/**
 * HTML from another blog as Markdown (flexmark's HTML-to-Markdown converter): headings, lists,
 * links, images, code blocks with their language, tables and quotes are kept; WordPress's block
 * comments ({@code <!-- wp:… -->}) are dropped, and text without paragraphs (WordPress's classic
 * editor leaves them to its {@code wpautop}) gets them from its blank lines first.
 */
public final class HtmlToMarkdown {

  private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:[\\s\\S]*?-->");
  private static final Pattern BLOCK_TAG =
      Pattern.compile("(?i)<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|img|br)[\\s>/]");

  private static final FlexmarkHtmlConverter CONVERTER;

  static {
    MutableDataSet options = new MutableDataSet();
    options.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
    options.set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false);
    options.set(FlexmarkHtmlConverter.BR_AS_EXTRA_BLANK_LINES, false);
    options.set(FlexmarkHtmlConverter.SKIP_CHAR_ESCAPE, false);
    CONVERTER = FlexmarkHtmlConverter.builder(options).build();
  }

  private HtmlToMarkdown() {}

  /** Markdown for a fragment of HTML; "" for none. */
  public static String convert(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    String clean = BLOCK_COMMENT.matcher(html).replaceAll("");
    String markdown = CONVERTER.convert(clean);
    return markdown.strip() + "\n";
  }

  /**
   * Markdown for WordPress content: its paragraphs are blank lines unless it uses blocks, as
   * WordPress's own {@code wpautop} reads it.
   */
  public static String convertWordPress(String content) {
    if (content == null || content.isBlank()) {
      return "";
    }
    String clean = BLOCK_COMMENT.matcher(content.replace("\r\n", "\n")).replaceAll("");
    StringBuilder html = new StringBuilder();
    for (String chunk : clean.split("\n\\s*\n")) {
      String text = chunk.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (BLOCK_TAG.matcher(text).lookingAt()) {
        html.append(text).append('\n');
      } else {
        html.append("<p>").append(text.replace("\n", "<br>\n")).append("</p>\n");
      }
    }
    return convert(html.toString());
  }
}
