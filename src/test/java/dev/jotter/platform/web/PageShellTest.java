package dev.jotter.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageShellTest {

  static final String SHELL =
      "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Jotter</title>\n"
          + "  <meta name=\"description\" content=\"A thinking blog.\">\n"
          + "  <link rel=\"alternate\" type=\"application/rss+xml\" title=\"Jotter (RSS)\" href=\"/rss.xml\">\n"
          + "  <link rel=\"alternate\" type=\"application/feed+json\" title=\"Jotter (JSON Feed)\""
          + " href=\"/feed.json\">\n"
          + "  <script type=\"module\" src=\"/app/main.js\"></script>\n</head>\n<body></body>\n</html>\n";

  @Test
  void thePagesTitleDescriptionCanonicalAndMetaReplaceTheShells() {
    String html =
        PageShell.withHead(
            SHELL,
            new PageHead(
                true,
                "Europa",
                "Ice and an ocean.",
                "https://blog.example/p/europa",
                List.of(
                    PageHead.Meta.property("og:title", "Europa"),
                    PageHead.Meta.name("twitter:image", null)),
                "{\"@type\":\"BlogPosting\"}",
                "pt-BR",
                "Far & Out"));
    assertThat(html)
        .contains("<title>Europa</title>")
        .doesNotContain("<title>Jotter</title>")
        .contains("<meta name=\"description\" content=\"Ice and an ocean.\">")
        .doesNotContain("A thinking blog.")
        .contains("<link rel=\"canonical\" href=\"https://blog.example/p/europa\">")
        .contains("<meta property=\"og:title\" content=\"Europa\">")
        .doesNotContain("twitter:image")
        .contains("<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\"}</script>")
        .doesNotContain("noindex")
        .contains("<html lang=\"pt-BR\">")
        .contains("title=\"Far &amp; Out (RSS)\"")
        .contains("title=\"Far &amp; Out (JSON Feed)\"")
        .doesNotContain("Jotter (RSS)");
    assertThat(html.indexOf("application/ld+json")).isLessThan(html.indexOf("</head>"));
  }

  @Test
  void whatTheAuthorWroteCannotBreakOutOfTheHead() {
    String html =
        PageShell.withHead(
            SHELL,
            new PageHead(
                true,
                "</title><script>alert(1)</script>",
                "\"><script>alert(2)</script>",
                "https://x.example/?a=1&b=\"2\"",
                List.of(PageHead.Meta.property("og:title", "' onload='alert(3)")),
                "{\"headline\":\"</script><script>alert(4)</script><!--\"}",
                "\"><script>alert(5)</script>",
                "\"><script>alert(6)</script>"));
    assertThat(html).doesNotContain("<script>alert");
    assertThat(html).contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>");
    assertThat(html).contains("content=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"");
    assertThat(html).contains("href=\"https://x.example/?a=1&amp;b=&quot;2&quot;\"");
    assertThat(html).contains("content=\"&#39; onload=&#39;alert(3)\"");
    assertThat(html)
        .contains(
            "{\"headline\":\"\\u003c/script>\\u003cscript>alert(4)\\u003c/script>\\u003c!--\"}");
  }

  @Test
  void aPageWithNothingThereIsNotIndexed() {
    String html = PageShell.withHead(SHELL, PageHead.NOT_FOUND);
    assertThat(html)
        .contains("<title>Not found</title>")
        .contains("<meta name=\"robots\" content=\"noindex\">");
    assertThat(html).contains("A thinking blog.");
  }
}
