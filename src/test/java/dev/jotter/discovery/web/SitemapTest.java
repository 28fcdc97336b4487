package dev.jotter.discovery.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jotter.content.api.PostLink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sitemap index and its files, as the protocol has them (at most 50,000 URLs a file). */
class SitemapTest {

  private final Feeds feeds = new Feeds("https://blog.example");
  private final OffsetDateTime at = OffsetDateTime.parse("2026-12-01T10:00:00Z");

  @Test
  void aBlogNeedsOnePostsFileForEachFullOrPartPage() {
    assertThat(Feeds.files(0, 50_000)).isZero();
    assertThat(Feeds.files(1, 50_000)).isEqualTo(1);
    assertThat(Feeds.files(50_000, 50_000)).isEqualTo(1);
    assertThat(Feeds.files(50_001, 50_000)).isEqualTo(2);
    assertThat(Feeds.files(100_000, 50_000)).isEqualTo(2);
  }

  @Test
  void theIndexNamesThePagesFileThenEveryPostsFile() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    feeds.sitemapIndex(out, 100_001, 50_000, at);
    String xml = out.toString(StandardCharsets.UTF_8);
    assertThat(xml)
        .contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        .containsSubsequence(
            "<loc>https://blog.example/sitemaps/pages.xml</loc>",
            "<loc>https://blog.example/sitemaps/posts-1.xml</loc>",
            "<loc>https://blog.example/sitemaps/posts-2.xml</loc>",
            "<loc>https://blog.example/sitemaps/posts-3.xml</loc>")
        .doesNotContain("posts-4.xml")
        .contains("<lastmod>2026-12-01T10:00:00Z</lastmod>");
  }

  @Test
  void aPostsFileListsItsPostsWithTheirLastChange() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    feeds.postsSitemap(
        out,
        List.of(
            new PostLink("first", at.minusDays(2), at.minusDays(1)),
            new PostLink("second-\u00e9", at, at)));
    String xml = out.toString(StandardCharsets.UTF_8);
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .containsSubsequence(
            "<url><loc>https://blog.example/p/first</loc><lastmod>2026-11-30T10:00:00Z</lastmod>",
            "<url><loc>https://blog.example/p/second-\u00e9</loc>");
  }
}
