package dev.jotter.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page shell with a page's own {@code <head>}: everything written into it escaped. */
final class PageShell {

  private static final Pattern TITLE = Pattern.compile("<title>[^<]*</title>");
  private static final Pattern LANG = Pattern.compile("<html lang=\"[^\"]*\">");

  /** The title of a feed the shell links to: "Jotter (RSS)". */
  private static final Pattern FEED_TITLE =
      Pattern.compile(
          "(<link rel=\"alternate\" type=\"[^\"]+\" title=\")[^\"]*?( \\((?:RSS|Atom|JSON Feed)\\)\")");

  private static final Pattern DESCRIPTION =
      Pattern.compile("<meta name=\"description\" content=\"[^\"]*\">");

  private PageShell() {}

  static String withHead(String shell, PageHead head) {
    String html =
        TITLE
            .matcher(shell)
            .replaceFirst(Matcher.quoteReplacement("<title>" + text(head.title()) + "</title>"));
    if (head.language() != null) {
      html =
          LANG.matcher(html)
              .replaceFirst(
                  Matcher.quoteReplacement("<html lang=\"" + attribute(head.language()) + "\">"));
    }
    if (head.siteName() != null) {
      html =
          FEED_TITLE
              .matcher(html)
              .replaceAll(
                  m ->
                      Matcher.quoteReplacement(
                          m.group(1) + attribute(head.siteName()) + m.group(2)));
    }
    if (head.description() != null) {
      html =
          DESCRIPTION
              .matcher(html)
              .replaceFirst(
                  Matcher.quoteReplacement(
                      "<meta name=\"description\" content=\""
                          + attribute(head.description())
                          + "\">"));
    }
    StringBuilder tags = new StringBuilder();
    if (!head.found()) {
      tags.append("  <meta name=\"robots\" content=\"noindex\">\n");
    }
    if (head.canonicalUrl() != null) {
      tags.append("  <link rel=\"canonical\" href=\"")
          .append(attribute(head.canonicalUrl()))
          .append("\">\n");
    }
    for (PageHead.Meta meta : head.meta()) {
      if (meta.content() != null && !meta.content().isEmpty()) {
        tags.append("  <meta ")
            .append(meta.attribute())
            .append("=\"")
            .append(attribute(meta.key()))
            .append("\" content=\"")
            .append(attribute(meta.content()))
            .append("\">\n");
      }
    }
    if (head.jsonLd() != null) {
      // inside a script element "</" could end it early and "<!--" open a comment: every "<" is
      // written as JSON's \u003c (it can only be inside a string)
      tags.append("  <script type=\"application/ld+json\">")
          .append(head.jsonLd().replace("<", "\\u003c"))
          .append("</script>\n");
    }
    int end = html.indexOf("</head>");
    return end < 0 ? html : html.substring(0, end) + tags + html.substring(end);
  }

  static String text(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String attribute(String s) {
    return text(s).replace("\"", "&quot;").replace("'", "&#39;");
  }
}
