package dev.jotter.authoring.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An uploaded image as a Markdown export carries it: its full-size file {@code
 * images/<id>/<name>.<ext>} and its variants {@code images/<id>/<name>-<width>w.<ext>}, kept under
 * the id its posts name it by. Which entries of an archive are such images is decided by their
 * names alone ({@link #list}); their bytes are checked when they are restored.
 *
 * @param variantWidths the widths of its variants, narrowest first
 */
public record ExportedImage(
    String id, String name, ImageFormat format, List<Integer> variantWidths) {

  /** The folder of an archive that holds images. */
  public static final String FOLDER = "images/";

  private static final Pattern VARIANT = Pattern.compile("(.+)-([1-9][0-9]{0,4})w");

  public ExportedImage {
    variantWidths = List.copyOf(variantWidths);
  }

  /** The full-size file's name. */
  public String fileName() {
    return name + "." + format.extension();
  }

  /** A variant's file name. */
  public String variantFileName(int width) {
    return Image.variantFileName(name, width, format.extension());
  }

  /** The archive entry of one of its files. */
  public String entry(String fileName) {
    return FOLDER + id + "/" + fileName;
  }

  /** The images of an archive, and the entries under {@code images/} that are none. */
  public record Listing(List<ExportedImage> images, List<Ignored> ignored) {
    public Listing {
      images = List.copyOf(images);
      ignored = List.copyOf(ignored);
    }
  }

  /** An entry under {@code images/} that is left aside, and why. */
  public record Ignored(String entry, String reason) {}

  /**
   * Finds the images among an archive's entry names: under {@code images/}, named as Jotter names
   * stored files ({@link ImageAddress}), one full-size file per image whose other files are its
   * variants in the same format. Entries outside {@code images/} are not looked at.
   */
  public static Listing list(List<String> entries) {
    Map<String, List<ImageAddress>> byId = new LinkedHashMap<>();
    List<Ignored> ignored = new ArrayList<>();
    for (String entry : entries) {
      if (!entry.startsWith(FOLDER) || isHidden(entry)) {
        continue;
      }
      Optional<ImageAddress> address = ImageAddress.ofPath("/" + entry);
      if (address.isEmpty()) {
        ignored.add(
            new Ignored(
                entry,
                "not a stored image's name (images/<16 hex digits>/<name>.png or .jpg, lower-case"
                    + " letters, digits and dashes)."));
        continue;
      }
      byId.computeIfAbsent(address.get().id(), id -> new ArrayList<>()).add(address.get());
    }
    List<ExportedImage> images = new ArrayList<>();
    for (Map.Entry<String, List<ImageAddress>> files : byId.entrySet()) {
      of(files.getKey(), files.getValue().stream().map(ImageAddress::fileName).toList())
          .ifPresentOrElse(
              images::add,
              () ->
                  files.getValue().stream()
                      .map(a -> FOLDER + a.id() + "/" + a.fileName())
                      .forEach(
                          entry ->
                              ignored.add(
                                  new Ignored(
                                      entry,
                                      "its folder holds no one full-size file whose other files"
                                          + " are its variants (<name>-<width>w) in its format."))));
    }
    return new Listing(images, ignored);
  }

  /** The image whose files these are: one full-size file and its variants, or none. */
  static Optional<ExportedImage> of(String id, List<String> fileNames) {
    ExportedImage found = null;
    for (String candidate : fileNames) {
      int dot = candidate.lastIndexOf('.');
      String stem = candidate.substring(0, dot);
      Optional<ImageFormat> format = ImageFormat.ofExtension(candidate.substring(dot + 1));
      if (format.isEmpty() || !Image.nameFrom(stem).equals(stem)) {
        continue;
      }
      TreeMap<Integer, String> variants = new TreeMap<>();
      boolean all = true;
      for (String other : fileNames) {
        if (other.equals(candidate)) {
          continue;
        }
        Optional<Integer> width = variantWidth(other, stem, format.get());
        if (width.isEmpty() || variants.put(width.get(), other) != null) {
          all = false;
          break;
        }
      }
      if (all) {
        if (found != null) {
          return Optional.empty();
        }
        found = new ExportedImage(id, stem, format.get(), List.copyOf(variants.keySet()));
      }
    }
    return Optional.ofNullable(found);
  }

  private static Optional<Integer> variantWidth(String fileName, String stem, ImageFormat format) {
    String suffix = "." + format.extension();
    if (!fileName.endsWith(suffix)) {
      return Optional.empty();
    }
    Matcher m = VARIANT.matcher(fileName.substring(0, fileName.length() - suffix.length()));
    return m.matches() && m.group(1).equals(stem)
        ? Optional.of(Integer.parseInt(m.group(2)))
        : Optional.empty();
  }

  /** macOS's resource forks and hidden files, which zip tools add on their own. */
  private static boolean isHidden(String entry) {
    String base = entry.substring(entry.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return base.startsWith(".");
  }
}
