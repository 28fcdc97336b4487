package dev.jotter.authoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An uploaded image: its files are stored under {@code /images/<id>/}, where the id is the start of
 * the SHA-256 of the uploaded bytes, so the same upload is stored once and a stored file never
 * changes. The full-size file is {@code <name>.<ext>}, each variant {@code <name>-<width>w.<ext>}.
 */
@Entity
@Table(name = "image")
@NamedQuery(name = "Image.findByIds", query = "select i from Image i where i.id in :ids")
public class Image {

  /** Hex digits of the SHA-256 that name an image's directory. */
  public static final int ID_LENGTH = 16;

  /** The longest name of an image's files (without width and extension). */
  public static final int MAX_NAME_LENGTH = 60;

  @Id private String id;

  /** The upload's SHA-256; only its first digits, the id, for an image restored from an export. */
  @Column(nullable = false)
  private String sha256;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String extension;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(nullable = false)
  private int width;

  @Column(nullable = false)
  private int height;

  @Column(nullable = false)
  private String variants;

  @Column(nullable = false)
  private long bytes;

  @Column(name = "uploaded_by")
  private Long uploadedBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Image() {}

  public Image(
      String sha256,
      String name,
      ProcessedImage processed,
      long bytes,
      Long uploadedBy,
      OffsetDateTime now) {
    this.id = sha256.substring(0, ID_LENGTH);
    this.sha256 = sha256;
    this.name = name;
    this.extension = processed.format().extension();
    this.contentType = processed.format().contentType();
    this.width = processed.original().width();
    this.height = processed.original().height();
    this.variants =
        processed.variants().stream()
            .map(v -> v.width() + "x" + v.height())
            .collect(Collectors.joining(","));
    this.bytes = bytes;
    this.uploadedBy = uploadedBy;
    this.createdAt = now;
  }

  /**
   * The name of an upload's files from the name it was sent with: lower-case letters, digits and
   * dashes, "image" when nothing is left.
   */
  public static String nameFrom(String fileName) {
    String stem = fileName == null ? "" : fileName;
    int slash = Math.max(stem.lastIndexOf('/'), stem.lastIndexOf('\\'));
    stem = stem.substring(slash + 1);
    int dot = stem.lastIndexOf('.');
    if (dot > 0) {
      stem = stem.substring(0, dot);
    }
    String name =
        java.text.Normalizer.normalize(stem, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (name.length() > MAX_NAME_LENGTH) {
      name = name.substring(0, MAX_NAME_LENGTH).replaceAll("-+$", "");
    }
    return name.isEmpty() ? "image" : name;
  }

  public String id() {
    return id;
  }

  public String sha256() {
    return sha256;
  }

  public String contentType() {
    return contentType;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public long bytes() {
    return bytes;
  }

  public Long uploadedBy() {
    return uploadedBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** The full-size file's name in the image's directory. */
  public String fileName() {
    return name + "." + extension;
  }

  /** A variant's file name in the image's directory. */
  public static String variantFileName(String name, int width, String extension) {
    return name + "-" + width + "w." + extension;
  }

  /** The full-size image's site-relative URL. */
  public String url() {
    return ImageAddress.PREFIX + id + "/" + fileName();
  }

  /** The resized variants, narrowest first (none when the image is at most 600 px wide). */
  public List<Variant> variants() {
    List<Variant> list = new ArrayList<>();
    if (variants.isEmpty()) {
      return list;
    }
    for (String size : variants.split(",")) {
      int x = size.indexOf('x');
      int w = Integer.parseInt(size.substring(0, x));
      int h = Integer.parseInt(size.substring(x + 1));
      list.add(
          new Variant(ImageAddress.PREFIX + id + "/" + variantFileName(name, w, extension), w, h));
    }
    return list;
  }

  /** Every size, the variants then the full size, as an {@code <img srcset>}. */
  public String srcset() {
    List<Variant> all = new ArrayList<>(variants());
    all.add(new Variant(url(), width, height));
    return all.stream().map(v -> v.url() + " " + v.width() + "w").collect(Collectors.joining(", "));
  }

  /** The size stored under this file name of the image's directory, if it is one of its files. */
  public Optional<Variant> file(String fileName) {
    if (fileName.equals(fileName())) {
      return Optional.of(new Variant(url(), width, height));
    }
    return variants().stream().filter(v -> v.url().endsWith("/" + fileName)).findFirst();
  }

  /** The names of every file the image has. */
  public List<String> fileNames() {
    List<String> names = new ArrayList<>(List.of(fileName()));
    variants().forEach(v -> names.add(v.url().substring(v.url().lastIndexOf('/') + 1)));
    return names;
  }

  /** One stored size of an image. */
  public record Variant(String url, int width, int height) {}

  @Override
  public String toString() {
    return "Image " + id + " " + fileName() + " " + width + "x" + height;
  }
}
