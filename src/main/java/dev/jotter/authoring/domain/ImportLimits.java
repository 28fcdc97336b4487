package dev.jotter.authoring.domain;

import dev.jotter.authoring.domain.ImportRefusedException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much an import file may hold: its bytes, and for a zip its entries, their total size once
 * uncompressed, how much any entry may expand, and how large one entry may be.
 */
public record ImportLimits(
    long maxBytes, int maxEntries, long maxUncompressedBytes, int maxRatio, long maxEntryBytes) {

  /** The defaults: 50 MB files, 20,000 entries, 1 GiB uncompressed, 100:1, 16 MiB an entry. */
  public static ImportLimits defaults() {
    return new ImportLimits(50L * 1024 * 1024, 20_000, 1L << 30, 100, 16L * 1024 * 1024);
  }

  /** Refuses a file larger than {@link #maxBytes()} (TOO_LARGE). */
  public void checkSize(Path file) throws ImportRefusedException, IOException {
    if (Files.size(file) > maxBytes) {
      throw new ImportRefusedException(
          Reason.TOO_LARGE, "The file is larger than " + maxBytes + " bytes.");
    }
  }

  public ImportLimits withMaxBytes(long bytes) {
    return new ImportLimits(bytes, maxEntries, maxUncompressedBytes, maxRatio, maxEntryBytes);
  }
}
