package dev.jotter.authoring.domain;

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

  public ImportLimits withMaxBytes(long bytes) {
    return new ImportLimits(bytes, maxEntries, maxUncompressedBytes, maxRatio, maxEntryBytes);
  }
}
