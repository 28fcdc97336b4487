package dev.jotter.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jotter.content.api.Heading;
import dev.jotter.content.api.ReadingTime;
import dev.jotter.content.api.ResponsiveImage;
import dev.jotter.content.api.ResponsiveImages;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

  private static RenderedBody render(String markdown) {
    return MarkdownRenderer.instance().render(markdown);
  }

  private static Elements select(RenderedBody body, String cssQuery) {
    return Jsoup.parseBodyFragment(body.html()).select(cssQuery);
  }

  @Test
  void uploadedImagesGetTheirSizeAndSrcsetFromOneLookup() {
    List<java.util.Collection<String>> lookups = new ArrayList<>();
    ResponsiveImages images =
        urls -> {
          lookups.add(List.copyOf(urls));
          return java.util.Map.of(
              "/images/0123456789abcdef/europa.jpg",
              new ResponsiveImage(
                  "/images/0123456789abcdef/europa.jpg",
                  1200,
                  800,
                  "/images/0123456789abcdef/europa-600w.jpg 600w,"
                      + " /images/0123456789abcdef/europa.jpg 1200w"));
        };
    RenderedBody body =
        MarkdownRenderer.instance()
            .render(
                "![Europa](/images/0123456789abcdef/europa.jpg)\n\n"
                    + "![again](/images/0123456789abcdef/europa.jpg)\n\n"
                    + "![elsewhere](https://example.com/io.png)",
                images);

    assertThat(lookups).hasSize(1);
    Elements imgs = select(body, "img");
    assertThat(imgs).hasSize(3);
    for (Element img : imgs.subList(0, 2)) {
      assertThat(img.attr("width")).isEqualTo("1200");
      assertThat(img.attr("height")).isEqualTo("800");
      assertThat(img.attr("srcset")).startsWith("/images/0123456789abcdef/europa-600w.jpg 600w");
      assertThat(img.attr("sizes")).isEqualTo(MarkdownRenderer.BODY_IMAGE_SIZES);
    }
    assertThat(imgs.get(2).hasAttr("srcset")).isFalse();
    assertThat(imgs.get(2).hasAttr("width")).isFalse();
  }

  @Test
  void aBodyWithoutImagesLooksNothingUp() {
    MarkdownRenderer.instance()
        .render(
            "Just words.",
            urls -> {
              throw new AssertionError("looked up " + urls);
            });
  }

  @Test
  void aGfmTableRendersAsAnHtmlTable() {
    RenderedBody body = render("| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |");

    assertThat(body.html()).contains("<table>");
    assertThat(select(body, "th")).extracting(Element::text).containsExactly("a", "b");
    assertThat(select(body, "td")).extracting(Element::text).containsExactly("1", "2", "3", "4");
    assertThat(select(body, "th").get(1).attr("align")).isEqualTo("center");
  }

  @Test
  void aTableGivesOneLineOfTextPerRow() {
    RenderedBody body = render("| a b | c |\n|---|---|\n| d e | f |");

    assertThat(body.text()).isEqualTo("a b c\nd e f");
    assertThat(body.wordCount()).isEqualTo(6);
  }

  @Test
  void tildesRenderAsStrikethrough() {
    RenderedBody body = render("some ~~struck~~ text");

    assertThat(body.html()).contains("<del>struck</del>");
    assertThat(body.text()).isEqualTo("some struck text");
  }

  @Test
  void aBareUrlBecomesALink() {
    RenderedBody body = render("visit https://example.com/x now and www.example.org too");

    assertThat(select(body, "a"))
        .extracting(a -> a.attr("href"))
        .containsExactly("https://example.com/x", "http://www.example.org");
    assertThat(select(body, "a").first().text()).isEqualTo("https://example.com/x");
  }

  @Test
  void headingsGetIdAnchorsAndAreListedInDocumentOrder() {
    RenderedBody body = render("# Getting started\n\ntext\n\n## Hello *world*\n\n### 2024: a year");

    assertThat(body.headings())
        .containsExactly(
            new Heading(1, "Getting started", "getting-started"),
            new Heading(2, "Hello world", "hello-world"),
            new Heading(3, "2024: a year", "2024-a-year"));
    assertThat(body.html())
        .contains("<h1 id=\"getting-started\">")
        .contains("<h2 id=\"hello-world\">")
        .contains("<h3 id=\"2024-a-year\">");
  }

  @Test
  void duplicateHeadingTextsGetDistinctAnchors() {
    RenderedBody body = render("# Intro\n\ntext\n\n## Intro\n\nmore\n\n### Intro");

    assertThat(body.headings()).extracting(Heading::text).containsOnly("Intro");
    assertThat(body.headings())
        .extracting(Heading::anchor)
        .containsExactly("intro", "intro-1", "intro-2");
    assertThat(select(body, "h1, h2, h3"))
        .extracting(Element::id)
        .containsExactly("intro", "intro-1", "intro-2");
  }

  @Test
  void theSameMarkdownRenderedTwiceGetsTheSameAnchors() {
    String markdown = "## Intro\n\n## Intro";

    render(markdown);

    assertThat(render(markdown).headings())
        .extracting(Heading::anchor)
        .containsExactly("intro", "intro-1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "before\n\n<script>alert(1)</script>\n\nafter",
        "inline <script>alert(1)</script> here",
        "<img src=x onerror=alert(1)>",
        "text <img src=x onerror=alert(1)> text",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click][1]\n\n[1]: javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">click</a>",
        "text <a href=\"javascript:alert(1)\">click</a> text",
        "<div onclick=\"alert(1)\">hi</div>",
        "text <span onclick=\"alert(1)\">hi</span>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body { display: none }</style>",
        "<svg onload=alert(1)>",
        "![x](javascript:alert(1))",
      })
  void scriptsEventHandlersJavascriptUrlsFramesAndStylesNeverReachTheHtml(String markdown) {
    String html = render(markdown).html().toLowerCase();

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("onerror")
        .doesNotContain("javascript:")
        .doesNotContain("onclick")
        .doesNotContain("onload")
        .doesNotContain("<iframe")
        .doesNotContain("<style");
  }

  @Test
  void rawHtmlIsDroppedButTheMarkdownAroundItStays() {
    RenderedBody body = render("before\n\n<script>alert(1)</script>\n\n**after**");

    assertThat(body.html()).isEqualTo("<p>before</p>\n<p><strong>after</strong></p>");
    assertThat(body.text()).isEqualTo("before\nafter");
  }

  @Test
  void aJavascriptLinkKeepsItsTextButNotItsUrl() {
    RenderedBody body = render("[click me](javascript:alert(1))");

    assertThat(body.text()).isEqualTo("click me");
    assertThat(select(body, "a")).allSatisfy(a -> assertThat(a.attr("href")).isEmpty());
  }

  @Test
  void httpsMailtoAndRelativeLinksAreKept() {
    RenderedBody body =
        render("[a](https://example.com/a) [b](mailto:me@example.com) [c](/posts/hello)");

    assertThat(select(body, "a"))
        .extracting(a -> a.attr("href"))
        .containsExactly("https://example.com/a", "mailto:me@example.com", "/posts/hello");
    assertThat(body.html()).doesNotContain("jotter.invalid");
  }

  @Test
  void aMarkdownImageIsKeptWithItsAltTextAndCounted() {
    RenderedBody body = render("![A sunset over the sea](https://example.com/a.png)");

    Elements images = select(body, "img");
    assertThat(images).hasSize(1);
    assertThat(images.first().attr("src")).isEqualTo("https://example.com/a.png");
    assertThat(images.first().attr("alt")).isEqualTo("A sunset over the sea");
    assertThat(body.imageCount()).isEqualTo(1);
  }

  @Test
  void everyImageIsCounted() {
    RenderedBody body =
        render(
            "![a](https://example.com/a.png) ![b](https://example.com/b.png)\n\n"
                + "![c](https://example.com/c.png)");

    assertThat(body.imageCount()).isEqualTo(3);
  }

  @Test
  void aMarkdownImageWithAJavascriptUrlDoesNotKeepTheUrl() {
    RenderedBody body = render("![x](javascript:alert(1))");

    assertThat(body.html()).doesNotContainIgnoringCase("javascript");
  }

  @Test
  void aMarkdownImageWithAJavascriptUrlIsNeitherKeptNorCounted() {
    RenderedBody body = render("![x](javascript:alert(1))");

    assertThat(select(body, "img")).isEmpty();
    assertThat(body.imageCount()).isZero();
  }

  @Test
  void plainTextHasNoTagsAndOneBlockPerLine() {
    RenderedBody body =
        render(
            "# Title\n\nFirst paragraph.\n\nSecond *para* with **bold**.\n\n"
                + "- item one\n- item two\n\n> quote");

    assertThat(body.text())
        .isEqualTo("Title\nFirst paragraph.\nSecond para with bold.\nitem one\nitem two\nquote");
  }

  @Test
  void plainTextShowsCharactersRatherThanEntities() {
    RenderedBody body = render("a < b & c");

    assertThat(body.html()).isEqualTo("<p>a &lt; b &amp; c</p>");
    assertThat(body.text()).isEqualTo("a < b & c");
  }

  @Test
  void aHardLineBreakStartsANewLineOfTextAndASoftOneDoesNot() {
    RenderedBody body = render("line one  \nline two\nline three");

    assertThat(body.text()).isEqualTo("line one\nline two line three");
  }

  @Test
  void a443WordBodyCounts443WordsAndReadsTwoMinutes() {
    List<String> paragraphs = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (int i = 1; i <= 443; i++) {
      words.add(i % 7 == 0 ? "**word" + i + "**" : "word" + i);
      if (words.size() == 40 || i == 443) {
        paragraphs.add(String.join(" ", words));
        words.clear();
      }
    }

    RenderedBody body = render(String.join("\n\n", paragraphs));

    assertThat(body.wordCount()).isEqualTo(443);
    assertThat(ReadingTime.of(body.wordCount(), body.imageCount()).label()).isEqualTo("2 min read");
  }

  @Test
  void wordCountLeavesOutMarkupUrlsAndAltText() {
    RenderedBody body =
        render(
            "# Title\n\n![an alt text](https://example.com/a.png)\n\n"
                + "**bold** _italic_ `code` [link text](https://example.com/page)");

    assertThat(body.wordCount()).isEqualTo(6);
  }

  @Test
  void apostrophesAndHyphensStayInsideOneWord() {
    assertThat(MarkdownRenderer.countWords("don't stop the well-known café’s rock-n-roll"))
        .isEqualTo(6);
    assertThat(MarkdownRenderer.countWords(" — … ! ")).isZero();
  }

  @Test
  void codeBlocksKeepTheirTextInThePlainText() {
    RenderedBody body = render("```java\nint x = 1;\nint y = 2;\n```\n\nafter `inline()` code");

    assertThat(body.html()).contains("<code class=\"language-java\">");
    assertThat(body.text()).isEqualTo("int x = 1;\nint y = 2;\nafter inline() code");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  \n\n  "})
  void noMarkdownGivesAnEmptyBody(String markdown) {
    RenderedBody body = render(markdown);

    assertThat(body.html()).isEmpty();
    assertThat(body.text()).isEmpty();
    assertThat(body.headings()).isEmpty();
    assertThat(body.wordCount()).isZero();
    assertThat(body.imageCount()).isZero();
  }

  // --- limits: bodies that would cost far more to render than they weigh are refused ---------

  static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refused(String md) {
    return org.assertj.core.api.Assertions.assertThatThrownBy(() -> render(md))
        .isInstanceOf(MarkdownTooComplexException.class);
  }

  @Test
  void aTableWiderThanSixtyFourColumnsIsRefused() {
    refused("|a".repeat(65) + "|\n" + "|-".repeat(65) + "|\n").hasMessageContaining("columns");
    assertThat(render("|a".repeat(64) + "|\n" + "|-".repeat(64) + "|\n").html())
        .contains("<table>");
  }

  @Test
  void moreThanTwentyThousandLinesAreRefused() {
    refused("a\n".repeat(20_001)).hasMessageContaining("lines");
    assertThat(render("a\n\n".repeat(9_999)).text().lines().count()).isEqualTo(9_999);
  }

  @Test
  void nestingDeeperThanThirtyTwoIsRefused() {
    refused(">".repeat(40) + " a").hasMessageContaining("nests");
    refused("*".repeat(100) + "a" + "*".repeat(100)).hasMessageContaining("nests");
    assertThat(render(">".repeat(10) + " a").html()).contains("<blockquote>");
  }

  @Test
  void moreThanAHundredHeadingsAreRefused() {
    refused("# h\n\n".repeat(101)).hasMessageContaining("headings");
    assertThat(render("# h\n\n".repeat(100)).headings()).hasSize(100);
  }

  @Test
  void aParagraphLongerThanSixtyFourKilobytesIsRefusedButCodeIsNot() {
    refused("word ".repeat(14_000)).hasMessageContaining("paragraph");
    String code = "```\n" + "x = 1\n".repeat(14_000) + "```\n";
    assertThat(render(code).html()).startsWith("<pre><code>");
    String indented = "    x = 1\n".repeat(9_000);
    assertThat(render(indented).html()).startsWith("<pre><code>");
  }

  @Test
  void moreThanFiftyThousandElementsAreRefused() {
    String links = ("[a](https://x.example) ".repeat(2_000) + "\n\n").repeat(30);
    refused(links).hasMessageContaining("elements");
  }
}
