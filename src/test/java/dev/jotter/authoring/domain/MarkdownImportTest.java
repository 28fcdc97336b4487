package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jotter.authoring.domain.ImportRefusedException.Reason;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.ReadingTime;
import dev.jotter.content.api.TagView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown files with front matter, zips read under limits, and hostile archives refused. */
class MarkdownImportTest {

  @TempDir Path dir;

  static final String POST =
      """
      ---
      title: "Notes on Europa: an ocean"
      slug: notes-on-europa
      date: 2021-03-04T05:06:07+02:00
      status: published
      tags: [Space, {name: "#newsletter", slug: hash-newsletter}]
      authors:
        - astro
        - {name: Nova, slug: nova}
      excerpt: Under the ice.
      featureImage: {url: /images/abc/europa.jpg, alt: Europa}
      seo: {metaTitle: Europa, canonicalUrl: "https://example.com/europa"}
      ---

      ## Why

      An ocean under ice.
      """;

  @Test
  void frontMatterGivesEveryField() {
    ImportItem item = FrontMatter.parse("posts/europa.md", POST);
    assertThat(item.problem()).isNull();
    assertThat(item.title()).isEqualTo("Notes on Europa: an ocean");
    assertThat(item.slug()).isEqualTo("notes-on-europa");
    assertThat(item.publishedAt()).isEqualTo(OffsetDateTime.parse("2021-03-04T05:06:07+02:00"));
    assertThat(item.status()).isEqualTo(PostStatus.PUBLISHED);
    assertThat(item.tags())
        .containsExactly(
            new ImportItem.Named("Space", null),
            new ImportItem.Named("#newsletter", "hash-newsletter"));
    assertThat(item.authors())
        .containsExactly(new ImportItem.Named("astro", null), new ImportItem.Named("Nova", "nova"));
    assertThat(item.customExcerpt()).isEqualTo("Under the ice.");
    assertThat(item.featureImage()).isEqualTo(new FeatureImage("/images/abc/europa.jpg", "Europa"));
    assertThat(item.seo().metaTitle()).isEqualTo("Europa");
    assertThat(item.seo().canonicalUrl()).isEqualTo("https://example.com/europa");
    assertThat(item.markdown()).isEqualTo("## Why\n\nAn ocean under ice.\n");
  }

  @Test
  void badFrontMatterIsTheItemsProblemNotTheFiles() {
    assertThat(FrontMatter.parse("a.md", "---\ntitle: [unclosed\n---\nbody").problem())
        .startsWith("front matter:");
    assertThat(FrontMatter.parse("a.md", "---\ntitle: x\ndate: yesterday\n---\n").problem())
        .contains("date");
    assertThat(FrontMatter.parse("a.md", "---\ntitle: x\nstatus: maybe\n---\n").problem())
        .contains("status");
    assertThat(FrontMatter.parse("a.md", "---\ntitle: x\n").problem()).contains("never ends");
  }

  @Test
  void aliasBombsInFrontMatterAreRefused() {
    StringBuilder yaml = new StringBuilder("---\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(p);
      }
      yaml.append("]\n");
    }
    yaml.append("title: laughs\n---\nbody\n");
    assertThat(FrontMatter.parse("bomb.md", yaml.toString()).problem()).startsWith("front matter:");
  }

  @Test
  void writtenFilesReadBackTheSame() {
    PostView view =
        new PostView(
            7,
            "notes-on-europa",
            "Notes: on Europa",
            "A subtitle",
            "<p>x</p>",
            "x",
            "x",
            "Custom excerpt",
            List.of(),
            new FeatureImage("https://example.com/e.jpg", "Alt text"),
            PostStatus.SCHEDULED,
            OffsetDateTime.parse("2031-01-02T03:04:05.123Z"),
            OffsetDateTime.parse("2020-01-02T03:04:05Z"),
            OffsetDateTime.parse("2020-01-02T03:04:05Z"),
            new ReadingTime(1, 1, 0, "1 min read"),
            3,
            List.of(new AuthorView(1, "astro", "astro", null, null, null, null)),
            List.of(),
            true,
            new PostSeo("M", null, null, "O", null, null, null, null, null));
    EditablePost post =
        new EditablePost(
            view,
            "---\nnot front matter\n\n## Body: yes\n",
            List.of(new TagView(1, "space", "Space", null), new TagView(2, "hash-x", "#x", null)),
            null);
    ImportItem item = FrontMatter.parse("p.md", FrontMatter.write(post));
    assertThat(item.problem()).isNull();
    assertThat(item.title()).isEqualTo("Notes: on Europa");
    assertThat(item.subtitle()).isEqualTo("A subtitle");
    assertThat(item.markdown()).isEqualTo(post.markdown());
    assertThat(item.status()).isEqualTo(PostStatus.SCHEDULED);
    assertThat(item.publishedAt()).isEqualTo(view.publishedAt());
    assertThat(item.createdAt()).isEqualTo(view.createdAt());
    assertThat(item.tags())
        .containsExactly(
            new ImportItem.Named("Space", "space"), new ImportItem.Named("#x", "hash-x"));
    assertThat(item.authors()).containsExactly(new ImportItem.Named("astro", "astro"));
    assertThat(item.featureImage()).isEqualTo(view.featureImage());
    assertThat(item.featured()).isTrue();
    assertThat(item.customExcerpt()).isEqualTo("Custom excerpt");
    assertThat(item.seo()).isEqualTo(view.seo());
  }

  @Test
  void aZipOfMarkdownFilesGivesOneItemPerFile() throws Exception {
    Path zip = zip("a/one.md", POST, "b/two.markdown", "---\ntitle: Two\n---\nx", "img.png", "png");
    List<ImportItem> items = read(zip);
    assertThat(items)
        .extracting(ImportItem::sourceId)
        .containsExactly("a/one.md", "b/two.markdown");
    assertThat(items.get(1).title()).isEqualTo("Two");
  }

  @Test
  void oneMarkdownFileIsOnePost() throws Exception {
    Path file = dir.resolve("post.md");
    Files.writeString(file, POST);
    assertThat(read(file)).extracting(ImportItem::slug).containsExactly("notes-on-europa");
  }

  @Test
  void pathsOutOfTheArchiveAreRefused() throws Exception {
    for (String name : List.of("../evil.md", "a/../../evil.md", "/etc/evil.md", "C:/evil.md")) {
      Path zip = zip(name, POST);
      assertThatThrownBy(() -> read(zip))
          .isInstanceOf(ImportRefusedException.class)
          .satisfies(
              e -> assertThat(((ImportRefusedException) e).reason()).isEqualTo(Reason.UNSAFE))
          .hasMessageContaining("outside");
    }
  }

  @Test
  void aZipBombIsRefusedAfterReadingAtMostTheLimit() throws Exception {
    // 200 MB of zeros compresses to ~200 KB; the declared size is a lie here (STORED headers say
    // nothing for DEFLATED streamed entries), so the reader must count what it really expands
    Path bomb = dir.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
      out.putNextEntry(new ZipEntry("post.md"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 200; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    assertThat(Files.size(bomb)).isLessThan(1024 * 1024);
    long started = System.nanoTime();
    assertThatThrownBy(() -> read(bomb))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("zip bomb");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void tooManyEntriesAreRefused() throws Exception {
    String[] entries = new String[2 * 30];
    for (int i = 0; i < 30; i++) {
      entries[2 * i] = "p" + i + ".md";
      entries[2 * i + 1] = "x";
    }
    Path zip = zip(entries);
    ImportLimits few = new ImportLimits(1 << 20, 20, 1 << 30, 100, 1 << 20);
    assertThatThrownBy(() -> new MarkdownImport().read(zip, few, item -> {}))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("more than 20 entries");
  }

  @Test
  void aBrokenZipOrOneWithoutMarkdownIsMalformed() throws Exception {
    Path broken = dir.resolve("broken.zip");
    Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    assertThatThrownBy(() -> read(broken))
        .isInstanceOf(ImportRefusedException.class)
        .satisfies(
            e -> assertThat(((ImportRefusedException) e).reason()).isEqualTo(Reason.MALFORMED));
    Path empty = zip("readme.txt", "hello");
    assertThatThrownBy(() -> read(empty)).hasMessageContaining("no .md files");
  }

  @Test
  void zipNamesAreChecked() {
    assertThat(SafeZip.isSafeName("posts/a.md")).isTrue();
    assertThat(SafeZip.isSafeName("posts/..a.md")).isTrue();
    assertThat(SafeZip.isSafeName("posts/../../a.md")).isFalse();
    assertThat(SafeZip.isSafeName("..\\a.md")).isFalse();
    assertThat(SafeZip.isSafeName("\\a.md")).isFalse();
  }

  private List<ImportItem> read(Path file) throws ImportRefusedException, IOException {
    List<ImportItem> items = new ArrayList<>();
    new MarkdownImport().read(file, ImportLimits.defaults(), items::add);
    return items;
  }

  /** A zip of (name, text) pairs, names written as given (even hostile ones). */
  private Path zip(String... nameAndText) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (int i = 0; i < nameAndText.length; i += 2) {
        byte[] data = nameAndText[i + 1].getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry(nameAndText[i]);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(data);
        out.closeEntry();
      }
    }
    Path file = Files.createTempFile(dir, "import", ".zip");
    Files.write(file, bytes.toByteArray());
    return file;
  }
}
