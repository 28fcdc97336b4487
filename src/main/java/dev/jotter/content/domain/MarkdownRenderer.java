package dev.jotter.content.domain;

import dev.jotter.content.api.Heading;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.ResponsiveImage;
import dev.jotter.content.api.ResponsiveImages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a post's markdown (CommonMark with GitHub tables, strikethrough, autolinks and heading
 * anchors) into {@link RenderedBody}. Raw HTML in the markdown is dropped, URLs other than http,
 * https and mailto are removed, and the result is sanitized against an allow-list, so no script,
 * event handler or {@code javascript:} URL ever reaches a reader. Thread-safe.
 */
public final class MarkdownRenderer {

  /** The most lines a body may have. */
  public static final int MAX_LINES = 20_000;

  /** The most elements (blocks and inline elements) a body may have. */
  public static final int MAX_ELEMENTS = 50_000;

  /** How deep lists, quotes and emphasis may nest. */
  public static final int MAX_NESTING = 32;

  /** The longest paragraph (lines with no blank line between them, outside code), in characters. */
  public static final int MAX_PARAGRAPH_CHARACTERS = 65_536;

  /** The most columns a table may have. */
  public static final int MAX_TABLE_COLUMNS = 64;

  /** The most headings a body may have. */
  public static final int MAX_HEADINGS = PostEditor.MAX_HEADINGS;

  private static final MarkdownRenderer INSTANCE = new MarkdownRenderer();
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’_-]*");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

  /** Resolves relative links while sanitizing; never appears in the output. */
  private static final String SANITIZER_BASE_URI = "http://jotter.invalid/";

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final Safelist safelist;

  private MarkdownRenderer() {
    List<Extension> extensions =
        List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            HeadingAnchorExtension.create());
    parser = Parser.builder().extensions(extensions).build();
    renderer = HtmlRenderer.builder().extensions(extensions).sanitizeUrls(true).build();
    safelist =
        Safelist.relaxed()
            .addTags("hr", "del", "s", "ins", "mark")
            .addAttributes("h1", "id")
            .addAttributes("h2", "id")
            .addAttributes("h3", "id")
            .addAttributes("h4", "id")
            .addAttributes("h5", "id")
            .addAttributes("h6", "id")
            .addAttributes("code", "class")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addAttributes("ol", "start")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);
  }

  public static MarkdownRenderer instance() {
    return INSTANCE;
  }

  /**
   * Renders a body within the limits below (each costs far more to render than it weighs).
   *
   * @throws MarkdownTooComplexException when the body passes one of them
   */
  public RenderedBody render(String markdown) {
    return render(markdown, ResponsiveImages.NONE);
  }

  /**
   * Renders a body as {@link #render(String)} does; its images that are the blog's own uploads get
   * {@code width}, {@code height}, {@code srcset} and {@code sizes}, looked up once for all.
   *
   * @throws MarkdownTooComplexException when the body passes one of the limits
   */
  public RenderedBody render(String markdown, ResponsiveImages images) {
    String source = markdown == null ? "" : markdown;
    checkLinesAndTables(source);
    Node document = parser.parse(source);
    checkTree(document);
    dropRawHtml(document);
    Document dirty = Jsoup.parseBodyFragment(renderer.render(document), SANITIZER_BASE_URI);
    Document dom = new Cleaner(safelist).clean(dirty);
    dom.outputSettings(outputSettings());
    // what sanitizing emptied: images without a source go, links without a target become text
    dom.select("img:not([src]), img[src='']").remove();
    dom.select("a:not([href]), a[href='']").unwrap();
    describeImages(dom, images);
    String html = dom.body().html();
    String text = plainText(dom.body());
    return new RenderedBody(
        html.strip(), text, headings(dom), countWords(text), dom.select("img").size());
  }

  /**
   * The {@code sizes} of a body image: the full width of a phone's screen, at most the width of a
   * post's text column on a wider one.
   */
  public static final String BODY_IMAGE_SIZES = "(max-width: 720px) 100vw, 720px";

  /** Width, height, srcset and sizes on the images that are uploads, from one lookup. */
  private static void describeImages(Document dom, ResponsiveImages images) {
    List<Element> imgs = dom.select("img[src]");
    if (imgs.isEmpty()) {
      return;
    }
    Map<String, ResponsiveImage> found =
        images.find(imgs.stream().map(img -> img.attr("src")).distinct().toList());
    for (Element img : imgs) {
      ResponsiveImage image = found.get(img.attr("src"));
      if (image != null) {
        img.attr("width", Integer.toString(image.width()));
        img.attr("height", Integer.toString(image.height()));
        img.attr("srcset", image.srcset());
        img.attr("sizes", BODY_IMAGE_SIZES);
      }
    }
  }

  /** Lines, paragraph lengths and table columns, counted before parsing. */
  private static void checkLinesAndTables(String markdown) {
    int lines = 1;
    int lineStart = 0;
    int paragraph = 0; // characters of text lines since the last blank line, outside code
    boolean inFence = false;
    for (int i = 0; i <= markdown.length(); i++) {
      if (i == markdown.length() || markdown.charAt(i) == '\n') {
        int columns = delimiterRowColumns(markdown, lineStart, i);
        if (columns > MAX_TABLE_COLUMNS) {
          throw new MarkdownTooComplexException(
              "a table has "
                  + columns
                  + " columns; at most "
                  + MAX_TABLE_COLUMNS
                  + " fit a page. Split it into narrower tables.");
        }
        String start = markdown.substring(lineStart, Math.min(i, lineStart + 4)).stripLeading();
        if (start.startsWith("```") || start.startsWith("~~~")) {
          inFence = !inFence;
          paragraph = 0;
        } else if (blank(markdown, lineStart, i)) {
          paragraph = 0;
        } else if (!inFence && !indentedOrTableRow(markdown, lineStart, i)) {
          paragraph += i - lineStart;
          if (paragraph > MAX_PARAGRAPH_CHARACTERS) {
            throw new MarkdownTooComplexException(
                "a paragraph (lines with no blank line between them) is longer than "
                    + MAX_PARAGRAPH_CHARACTERS
                    + " characters; break it into paragraphs.");
          }
        }
        if (i < markdown.length() && ++lines > MAX_LINES) {
          throw new MarkdownTooComplexException(
              "the body has more than " + MAX_LINES + " lines; split it into several posts.");
        }
        lineStart = i + 1;
      }
    }
  }

  private static boolean blank(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Indented code (four spaces or a tab) and table rows are not paragraph text. */
  private static boolean indentedOrTableRow(String text, int start, int end) {
    int spaces = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\t' || spaces >= 4) {
        return true;
      }
      if (c != ' ') {
        return c == '|';
      }
      spaces++;
    }
    return false;
  }

  /**
   * The columns of a table's delimiter row ({@code |---|:--:|}) between start and end, or 0 when
   * the line is no delimiter row.
   */
  private static int delimiterRowColumns(String text, int start, int end) {
    int pipes = 0;
    int columns = 0;
    boolean dashInColumn = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '|') {
        pipes++;
        if (dashInColumn) {
          columns++;
        }
        dashInColumn = false;
      } else if (c == '-') {
        dashInColumn = true;
      } else if (c != ':' && c != ' ' && c != '\t' && c != '\r') {
        return 0;
      }
    }
    if (dashInColumn) {
      columns++;
    }
    return pipes > 0 ? columns : 0;
  }

  /** Elements, nesting and headings, counted on the parsed tree before it is rendered. */
  private static void checkTree(Node document) {
    int nodes = 0;
    int headings = 0;
    Deque<Node> pending = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    pending.push(document);
    depths.push(0);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      int depth = depths.pop();
      if (++nodes > MAX_ELEMENTS) {
        throw new MarkdownTooComplexException(
            "the body has more than "
                + MAX_ELEMENTS
                + " elements (paragraphs, list items, links, emphasis ...); split it into"
                + " several posts.");
      }
      if (depth > MAX_NESTING) {
        throw new MarkdownTooComplexException(
            "the body nests lists, quotes or emphasis more than "
                + MAX_NESTING
                + " deep; flatten it.");
      }
      if (node instanceof org.commonmark.node.Heading && ++headings > MAX_HEADINGS) {
        throw new MarkdownTooComplexException(
            "the body has more than " + MAX_HEADINGS + " headings; split it into several posts.");
      }
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        pending.push(child);
        depths.push(depth + 1);
      }
    }
  }

  static int countWords(String text) {
    Matcher m = WORD.matcher(text);
    int words = 0;
    while (m.find()) {
      words++;
    }
    return words;
  }

  private static Document.OutputSettings outputSettings() {
    return new Document.OutputSettings().prettyPrint(false);
  }

  private static void dropRawHtml(Node document) {
    List<Node> raw = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlBlock htmlBlock) {
            raw.add(htmlBlock);
          }

          @Override
          public void visit(HtmlInline htmlInline) {
            raw.add(htmlInline);
          }
        });
    raw.forEach(Node::unlink);
  }

  private static List<Heading> headings(Document dom) {
    List<Heading> headings = new ArrayList<>();
    for (Element h : dom.select("h1, h2, h3, h4, h5, h6")) {
      headings.add(new Heading(h.tagName().charAt(1) - '0', h.text(), h.id()));
    }
    return headings;
  }

  /** The text a reader sees, one paragraph (or heading, list item, table row) per line. */
  private static String plainText(Element body) {
    StringBuilder out = new StringBuilder();
    int[] insidePre = {0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(org.jsoup.nodes.Node node, int depth) {
            if (node instanceof TextNode textNode) {
              out.append(insidePre[0] > 0 ? textNode.getWholeText() : textNode.text());
            } else if (node instanceof Element e) {
              if ("pre".equals(e.tagName())) {
                insidePre[0]++;
              }
              if (isBreak(e)) {
                lineBreak(out);
              } else if ("td".equals(e.tagName()) || "th".equals(e.tagName())) {
                out.append(' ');
              }
            }
          }

          @Override
          public void tail(org.jsoup.nodes.Node node, int depth) {
            if (node instanceof Element e) {
              if ("pre".equals(e.tagName())) {
                insidePre[0]--;
              }
              if (isBreak(e)) {
                lineBreak(out);
              }
            }
          }
        },
        body);
    return out.toString()
        .lines()
        .map(line -> SPACES.matcher(line).replaceAll(" ").strip())
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  private static boolean isBreak(Element e) {
    return e.isBlock() && !"td".equals(e.tagName()) && !"th".equals(e.tagName())
        || "br".equals(e.tagName());
  }

  private static void lineBreak(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }
}
