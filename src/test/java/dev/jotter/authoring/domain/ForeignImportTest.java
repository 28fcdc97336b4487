package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jotter.authoring.domain.ImportRefusedException.Reason;
import dev.jotter.content.api.PostStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ghost's and WordPress's exports: the real samples, HTML to Markdown, and hostile files. */
class ForeignImportTest {

  static final Path SAMPLES = Path.of("../shared/import-samples");

  @TempDir Path dir;

  List<ImportItem> read(ImportReader reader, Path file) throws ImportRefusedException, IOException {
    List<ImportItem> items = new ArrayList<>();
    reader.read(file, ImportLimits.defaults(), items::add);
    return items;
  }

  Path file(String text) throws IOException {
    Path file = Files.createTempFile(dir, "import", ".txt");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    Path file = file("{\"db\": [{\"data\": {\"posts\": []}}]}");
    ImportLimits small = ImportLimits.defaults().withMaxBytes(10);
    for (ImportReader reader : List.of(new GhostImport(), new WordPressImport())) {
      assertThatThrownBy(() -> reader.read(file, small, item -> {}))
          .as(reader.getClass().getSimpleName())
          .isInstanceOfSatisfying(
              ImportRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
          .hasMessage("The file is larger than 10 bytes.");
    }
  }

  @Test
  void htmlBecomesMarkdownKeepingStructure() {
    String md =
        HtmlToMarkdown.convert(
            "<h2>Why</h2><p>An <strong>ocean</strong> <a href=\"https://x.org\">here</a>.</p>"
                + "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
                + "<blockquote><p>Quoted</p></blockquote>"
                + "<pre><code class=\"language-java\">int x = 1;\n</code></pre>"
                + "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
                + "<figure><img src=\"/content/images/x.jpg\" alt=\"An X\"></figure>");
    assertThat(md)
        .contains("## Why")
        .contains("**ocean**")
        .contains("[here](https://x.org)")
        .contains("* one")
        .contains("1. first")
        .contains("> Quoted")
        .contains("```java\nint x = 1;")
        .contains("| a | b |")
        .contains("![An X](/content/images/x.jpg)");
  }

  @Test
  void wordPressBlocksAndClassicParagraphs() {
    String md =
        HtmlToMarkdown.convertWordPress(
            "<!-- wp:paragraph -->\n<p>Block one.</p>\n<!-- /wp:paragraph -->\n\n"
                + "Classic line one\nline two\n\nSecond paragraph<!--more-->");
    assertThat(md).doesNotContain("wp:").contains("Block one.").contains("Second paragraph");
    assertThat(md).contains("Classic line one");
  }

  @Test
  void theGhostSampleGivesItsPostsAndSkipsItsPage() throws Exception {
    List<ImportItem> items = read(new GhostImport(), SAMPLES.resolve("ghost-5.130.4-export.json"));
    assertThat(items).hasSize(30);
    assertThat(items).filteredOn(i -> i.skipReason() != null).hasSize(1);
    assertThat(
            items.stream()
                .filter(i -> i.skipReason() != null)
                .findFirst()
                .orElseThrow()
                .skipReason())
        .contains("no pages");
    assertThat(items).filteredOn(i -> i.problem() != null).isEmpty();
    assertThat(items)
        .extracting(ImportItem::status)
        .contains(PostStatus.DRAFT, PostStatus.SCHEDULED);
    ImportItem seo =
        items.stream()
            .filter(i -> "SEO title here".equals(i.seo().metaTitle()))
            .findFirst()
            .orElseThrow();
    assertThat(seo.featureImage().alt()).isEqualTo("A rocket on the pad");
    assertThat(seo.seo().ogTitle()).isEqualTo("OG title");
    assertThat(items)
        .anySatisfy(
            i -> assertThat(i.tags()).anySatisfy(t -> assertThat(t.name()).startsWith("#")));
    assertThat(items).anySatisfy(i -> assertThat(i.authors()).hasSizeGreaterThan(1));
    assertThat(items).anySatisfy(i -> assertThat(i.markdown()).contains("```"));
    assertThat(items).anySatisfy(i -> assertThat(i.markdown()).contains("|"));
    assertThat(items)
        .allSatisfy(i -> assertThat(String.valueOf(i.markdown())).doesNotContain("__GHOST_URL__"));
  }

  @Test
  void lexicalBecomesMarkdownWhenThereIsNoHtml() {
    String lexical =
        "{\"root\":{\"children\":[{\"type\":\"heading\",\"tag\":\"h2\",\"children\":[{\"type\":\"text\",\"text\":\"Title\"}]},"
            + "{\"type\":\"paragraph\",\"children\":[{\"type\":\"text\",\"text\":\"bold\",\"format\":1},"
            + "{\"type\":\"link\",\"url\":\"https://x.org\",\"children\":[{\"type\":\"text\",\"text\":\"x\"}]}]},"
            + "{\"type\":\"codeblock\",\"language\":\"js\",\"code\":\"let a;\"},"
            + "{\"type\":\"list\",\"listType\":\"bullet\",\"children\":[{\"type\":\"listitem\",\"children\":[{\"type\":\"text\",\"text\":\"one\"}]}]}]}}";
    assertThat(LexicalToMarkdown.convert(lexical))
        .contains("## Title")
        .contains("**bold**[x](https://x.org)")
        .contains("```js\nlet a;\n```")
        .contains("- one");
  }

  @Test
  void brokenOrForeignJsonIsMalformed() throws Exception {
    assertThatThrownBy(() -> read(new GhostImport(), file("{\"db\": [{\"data\": {\"posts\": [")))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> read(new GhostImport(), file("{\"hello\": 1}")))
        .hasMessageContaining("not a Ghost export");
    assertThatThrownBy(() -> read(new GhostImport(), file("[1,2]")))
        .hasMessageContaining("not a Ghost export");
  }

  @Test
  void theWordPressSampleGivesItsPostsAndSkipsTheRest() throws Exception {
    List<ImportItem> items =
        read(new WordPressImport(), SAMPLES.resolve("wordpress-theme-unit-test.wxr.xml"));
    List<ImportItem> posts = items.stream().filter(i -> i.skipReason() == null).toList();
    assertThat(posts).hasSizeGreaterThanOrEqualTo(30);
    assertThat(items)
        .filteredOn(i -> i.skipReason() != null && i.skipReason().contains("page"))
        .isNotEmpty();
    assertThat(items)
        .filteredOn(i -> i.skipReason() != null && i.skipReason().contains("attachment"))
        .isNotEmpty();
    assertThat(posts)
        .extracting(ImportItem::status)
        .contains(PostStatus.SCHEDULED, PostStatus.DRAFT);
    assertThat(posts)
        .allSatisfy(
            i -> assertThat(String.valueOf(i.markdown())).doesNotContainPattern("(?m)^<!-- /?wp:"));
    assertThat(posts).anySatisfy(i -> assertThat(i.tags()).hasSizeGreaterThan(1));
    assertThat(posts).anySatisfy(i -> assertThat(i.featureImage()).isNotNull());
    assertThat(posts).allSatisfy(i -> assertThat(i.authors()).isNotEmpty());
  }

  @Test
  void wordPressDatesKeepTheSitesOffset() {
    assertThat(WordPressImport.date("2020-01-01 10:00:00", "2020-01-01 08:00:00"))
        .isEqualTo(OffsetDateTime.parse("2020-01-01T10:00:00+02:00"));
    assertThat(WordPressImport.date("2020-01-01 10:00:00", "0000-00-00 00:00:00"))
        .isEqualTo(OffsetDateTime.parse("2020-01-01T10:00:00Z"));
    assertThat(WordPressImport.slug("caf%c3%a9")).isNull();
    assertThat(WordPressImport.slug("hello-world")).isEqualTo("hello-world");
  }

  @Test
  void billionLaughsAndExternalEntitiesAreRefusedFast() throws Exception {
    StringBuilder laughs =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    laughs.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for (int i = 2; i <= 9; i++) {
      laughs.append(" <!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        laughs.append("&lol").append(i - 1).append(';');
      }
      laughs.append("\">\n");
    }
    laughs.append("]>\n<rss><channel><item><title>&lol9;</title></item></channel></rss>");
    long started = System.nanoTime();
    assertThatThrownBy(() -> read(new WordPressImport(), file(laughs.toString())))
        .isInstanceOf(ImportRefusedException.class)
        .satisfies(e -> assertThat(((ImportRefusedException) e).reason()).isEqualTo(Reason.UNSAFE));
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rss><channel><item><title>&x;</title></item></channel></rss>";
    assertThatThrownBy(() -> read(new WordPressImport(), file(xxe)))
        .isInstanceOf(ImportRefusedException.class)
        .satisfies(e -> assertThat(((ImportRefusedException) e).reason()).isEqualTo(Reason.UNSAFE));
  }

  @Test
  void brokenXmlIsMalformed() throws Exception {
    assertThatThrownBy(
            () -> read(new WordPressImport(), file("<rss><channel><item><title>x</channel>")))
        .isInstanceOf(ImportRefusedException.class)
        .satisfies(
            e -> assertThat(((ImportRefusedException) e).reason()).isEqualTo(Reason.MALFORMED));
    assertThatThrownBy(() -> read(new WordPressImport(), file("<html></html>")))
        .hasMessageContaining("not a WordPress export");
  }
}
