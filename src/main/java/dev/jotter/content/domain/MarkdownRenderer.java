package dev.jotter.content.domain;

import dev.jotter.content.api.Heading;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final MarkdownRenderer INSTANCE = new MarkdownRenderer();
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’_-]*");

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

  public RenderedBody render(String markdown) {
    Node document = parser.parse(markdown == null ? "" : markdown);
    dropRawHtml(document);
    String clean =
        Jsoup.clean(renderer.render(document), SANITIZER_BASE_URI, safelist, outputSettings());
    Document dom = Jsoup.parseBodyFragment(clean);
    dom.outputSettings(outputSettings());
    // what sanitizing emptied: images without a source go, links without a target become text
    dom.select("img:not([src]), img[src='']").remove();
    dom.select("a:not([href]), a[href='']").unwrap();
    String html = dom.body().html();
    String text = plainText(dom.body());
    return new RenderedBody(
        html.strip(), text, headings(dom), countWords(text), dom.select("img").size());
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
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(org.jsoup.nodes.Node node, int depth) {
            if (node instanceof TextNode textNode) {
              out.append(insidePre(textNode) ? textNode.getWholeText() : textNode.text());
            } else if (node instanceof Element e && isBreak(e)) {
              lineBreak(out);
            } else if (node instanceof Element e
                && ("td".equals(e.tagName()) || "th".equals(e.tagName()))) {
              out.append(' ');
            }
          }

          @Override
          public void tail(org.jsoup.nodes.Node node, int depth) {
            if (node instanceof Element e && isBreak(e)) {
              lineBreak(out);
            }
          }
        },
        body);
    return out.toString()
        .lines()
        .map(line -> line.replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip())
        .filter(line -> !line.isEmpty())
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }

  private static boolean insidePre(TextNode text) {
    for (org.jsoup.nodes.Node n = text.parent(); n != null; n = n.parent()) {
      if (n instanceof Element e && "pre".equals(e.tagName())) {
        return true;
      }
    }
    return false;
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
