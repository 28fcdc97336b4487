package dev.jotter.authoring.domain;

import dev.jotter.authoring.domain.ImportRefusedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A zip of {@code .md} files with YAML front matter (any folders; other files are left aside, but
 * for the images of Jotter's own export under {@code images/}: {@link #images}), or one such file.
 * Each file is a post; its path in the archive is its source id.
 */
public final class MarkdownImport implements ImportReader {

  @Override
  public void read(Path file, ImportLimits limits, Consumer<ImportItem> sink)
      throws ImportRefusedException, IOException {
    if (isZip(file)) {
      readZip(file, limits, sink);
      return;
    }
    if (Files.size(file) > limits.maxEntryBytes()) {
      throw new ImportRefusedException(
          Reason.TOO_LARGE,
          "One Markdown file may hold at most " + limits.maxEntryBytes() + " bytes.");
    }
    sink.accept(FrontMatter.parse("post.md", utf8(Files.readAllBytes(file), "the file")));
  }

  /** Whether the file is a zip archive (else it is one Markdown file). */
  public static boolean isZip(Path file) throws IOException {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    }
    return n == 4 && SafeZip.looksLikeZip(head);
  }

  /**
   * The uploaded images a zip carries under {@code images/}, as Jotter's export writes them, found
   * by their names (none in one Markdown file).
   */
  public static ExportedImage.Listing images(Path file, ImportLimits limits)
      throws ImportRefusedException, IOException {
    if (!isZip(file)) {
      return new ExportedImage.Listing(java.util.List.of(), java.util.List.of());
    }
    try (SafeZip zip = SafeZip.open(file, limits)) {
      return ExportedImage.list(zip.names());
    }
  }

  private static void readZip(Path file, ImportLimits limits, Consumer<ImportItem> sink)
      throws ImportRefusedException, IOException {
    try (SafeZip zip = SafeZip.open(file, limits)) {
      int posts = 0;
      for (String name : zip.names()) {
        if (!isPost(name)) {
          continue;
        }
        posts++;
        byte[] bytes = zip.read(name);
        String text;
        try {
          text = utf8(bytes, name);
        } catch (ImportRefusedException e) {
          sink.accept(ImportItem.unreadable(name, null, null, e.getMessage()));
          continue;
        }
        sink.accept(FrontMatter.parse(name, text));
      }
      if (posts == 0) {
        throw new ImportRefusedException(
            Reason.MALFORMED, "The archive holds no .md files: each post is one Markdown file.");
      }
    }
  }

  /** A Markdown file that is not a hidden one or macOS's resource fork. */
  static boolean isPost(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String base = lower.substring(lower.lastIndexOf('/') + 1);
    return (lower.endsWith(".md") || lower.endsWith(".markdown"))
        && !lower.startsWith("__macosx/")
        && !base.startsWith(".");
  }

  private static String utf8(byte[] bytes, String what) throws ImportRefusedException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ImportRefusedException(Reason.MALFORMED, what + " is not UTF-8 text.");
    }
  }
}
