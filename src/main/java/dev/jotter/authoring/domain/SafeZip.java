package dev.jotter.authoring.domain;

import dev.jotter.authoring.domain.ImportRefusedException.Reason;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip archive read under limits: its entries are counted and their names checked (no {@code ..},
 * no absolute paths, no drive letters) before anything is read, and every entry is read counting
 * the bytes it really expands to (declared sizes can lie), so a zip bomb is refused after reading
 * at most the limit, never by filling the disk or the heap.
 */
public final class SafeZip implements Closeable {

  /** Below this, an entry may expand as much as it likes (short texts compress very well). */
  private static final long RATIO_FROM_BYTES = 1024 * 1024;

  private final ZipFile zip;
  private final ImportLimits limits;
  private final List<ZipEntry> files;
  private long expanded;

  private SafeZip(ZipFile zip, ImportLimits limits, List<ZipEntry> files) {
    this.zip = zip;
    this.limits = limits;
    this.files = files;
  }

  /** Whether these first bytes start a zip archive. */
  public static boolean looksLikeZip(byte[] head) {
    return head.length >= 4
        && head[0] == 'P'
        && head[1] == 'K'
        && (head[2] == 3 || head[2] == 5)
        && (head[3] == 4 || head[3] == 6);
  }

  /**
   * Opens an archive and checks what its directory says.
   *
   * @throws ImportRefusedException when it is no zip, has too many entries, or names a path outside
   *     itself, or declares more than the limits
   */
  public static SafeZip open(Path file, ImportLimits limits)
      throws ImportRefusedException, IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new ImportRefusedException(
          Reason.MALFORMED, "The file is not a readable zip archive (" + e.getMessage() + ").");
    }
    try {
      List<ZipEntry> files = new ArrayList<>();
      long declared = 0;
      int count = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      for (ZipEntry entry : Collections.list(entries)) {
        if (++count > limits.maxEntries()) {
          throw new ImportRefusedException(
              Reason.UNSAFE,
              "The archive has more than " + limits.maxEntries() + " entries; split it.");
        }
        String name = entry.getName();
        if (!isSafeName(name)) {
          throw new ImportRefusedException(
              Reason.UNSAFE,
              "The archive names a path outside itself (\""
                  + printable(name)
                  + "\"): entries must be relative paths without '..'.");
        }
        if (entry.isDirectory()) {
          continue;
        }
        if (entry.getSize() > 0) {
          declared += entry.getSize();
          checkEntry(name, entry.getSize(), entry.getCompressedSize(), limits);
        }
        files.add(entry);
      }
      if (declared > limits.maxUncompressedBytes()) {
        throw tooMuch(limits);
      }
      return new SafeZip(zip, limits, files);
    } catch (ImportRefusedException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  /** The names of the files in the archive, in its order. */
  public List<String> names() {
    return files.stream().map(ZipEntry::getName).toList();
  }

  /**
   * An entry's bytes, counting what it really expands to against the limits.
   *
   * @throws ImportRefusedException when it expands past a limit
   */
  public byte[] read(String name) throws ImportRefusedException, IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new IOException("No entry " + name);
    }
    long compressed = Math.max(1, entry.getCompressedSize());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        expanded += n;
        if (expanded > limits.maxUncompressedBytes()) {
          throw tooMuch(limits);
        }
        checkEntry(name, total, compressed, limits);
        out.write(buffer, 0, n);
      }
    } catch (ZipException e) {
      throw new ImportRefusedException(
          Reason.MALFORMED, "The entry \"" + printable(name) + "\" is damaged: " + e.getMessage());
    }
    return out.toByteArray();
  }

  private static void checkEntry(String name, long size, long compressed, ImportLimits limits)
      throws ImportRefusedException {
    if (size > limits.maxEntryBytes()) {
      throw new ImportRefusedException(
          Reason.UNSAFE,
          "The entry \""
              + printable(name)
              + "\" expands to more than "
              + limits.maxEntryBytes()
              + " bytes: refused as a zip bomb.");
    }
    if (size > RATIO_FROM_BYTES && compressed > 0 && size / compressed > limits.maxRatio()) {
      throw new ImportRefusedException(
          Reason.UNSAFE,
          "The entry \""
              + printable(name)
              + "\" expands more than "
              + limits.maxRatio()
              + " times its compressed size: refused as a zip bomb.");
    }
  }

  private static ImportRefusedException tooMuch(ImportLimits limits) {
    return new ImportRefusedException(
        Reason.UNSAFE,
        "The archive expands to more than "
            + limits.maxUncompressedBytes()
            + " bytes: refused as a zip bomb.");
  }

  /** A relative path that stays inside the archive. */
  static boolean isSafeName(String name) {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.startsWith("\\")
        || name.indexOf('\0') >= 0
        || name.matches("^[A-Za-z]:.*")) {
      return false;
    }
    for (String segment : name.split("[/\\\\]")) {
      if (segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String name) {
    String clean = name.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
