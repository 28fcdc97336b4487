package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.ExportedImage;
import dev.jotter.authoring.domain.Image;
import dev.jotter.authoring.domain.ImageRefusedException;
import dev.jotter.authoring.domain.ImageRepository;
import dev.jotter.authoring.domain.ImportFormat;
import dev.jotter.authoring.domain.ImportLimits;
import dev.jotter.authoring.domain.ImportRefusedException;
import dev.jotter.authoring.domain.MarkdownImport;
import dev.jotter.authoring.domain.SafeZip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The uploaded images a Markdown export carries ({@code images/<id>/<file>}), brought back under
 * their ids before its posts are saved, so that the posts' image addresses answer and their bodies
 * get their sizes and srcsets. Each image is checked and stored through {@link ImageUploads} as an
 * upload is (decoded, one at a time), read from the archive under its limits; an image already
 * there is left as it is, so importing the archive again changes nothing.
 */
@ApplicationScoped
public class ImageImports {

  private static final Logger LOG = Logger.getLogger(ImageImports.class.getName());

  @Inject ImageUploads uploads;
  @Inject ImageRepository images;

  /** What a dry run says of a file's images. */
  public record Plan(int restore, int present, List<ExportedImage.Ignored> ignored) {
    static final Plan NONE = new Plan(0, 0, List.of());

    /** The images the run tries. */
    public int images() {
      return restore + present;
    }
  }

  /** What became of one image: restored, there already, or refused ({@code problem}). */
  public record Outcome(ExportedImage image, boolean restored, String problem) {}

  /** The images of a file: how many would be restored, are there already, or are left aside. */
  public Plan plan(ImportFormat format, Path file, ImportLimits limits)
      throws ImportRefusedException, IOException {
    if (format != ImportFormat.MARKDOWN) {
      return Plan.NONE;
    }
    ExportedImage.Listing listing = MarkdownImport.images(file, limits);
    Set<String> present = new HashSet<>();
    List<String> ids = listing.images().stream().map(ExportedImage::id).toList();
    for (int from = 0; from < ids.size(); from += 500) {
      images.findByIds(ids.subList(from, Math.min(ids.size(), from + 500))).stream()
          .map(Image::id)
          .forEach(present::add);
    }
    return new Plan(ids.size() - present.size(), present.size(), listing.ignored());
  }

  /**
   * Restores a file's images one at a time, handing each outcome to {@code sink}.
   *
   * @throws ImportRefusedException when the archive can no longer be read under its limits
   */
  public void restore(
      ImportFormat format, Path file, ImportLimits limits, long staffId, Consumer<Outcome> sink)
      throws ImportRefusedException, IOException {
    if (format != ImportFormat.MARKDOWN || !MarkdownImport.isZip(file)) {
      return;
    }
    try (SafeZip zip = SafeZip.open(file, limits)) {
      for (ExportedImage image : ExportedImage.list(zip.names()).images()) {
        if (images.findById(image.id()).isPresent()) {
          sink.accept(new Outcome(image, false, null));
          continue;
        }
        Map<String, byte[]> files = new HashMap<>();
        List<String> names = new ArrayList<>(List.of(image.fileName()));
        image.variantWidths().forEach(width -> names.add(image.variantFileName(width)));
        for (String name : names) {
          files.put(name, zip.read(image.entry(name)));
        }
        sink.accept(restore(image, files, staffId));
      }
    }
  }

  private Outcome restore(ExportedImage image, Map<String, byte[]> files, long staffId) {
    try {
      boolean restored = uploads.restore(image, files, staffId) == ImageUploads.Restored.RESTORED;
      return new Outcome(image, restored, null);
    } catch (ImageRefusedException e) {
      return new Outcome(image, false, "not restored: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Restoring image " + image.id() + " failed", e);
      return new Outcome(image, false, "could not be stored (the error was logged).");
    }
  }
}
