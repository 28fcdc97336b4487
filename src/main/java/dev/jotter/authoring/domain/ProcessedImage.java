package dev.jotter.authoring.domain;

import java.util.List;

/**
 * An upload made ready to store: the full-size image re-encoded (which drops EXIF, GPS and every
 * other metadata) and its smaller variants, narrowest first.
 */
public record ProcessedImage(
    ImageFormat format, EncodedImage original, List<EncodedImage> variants) {

  public ProcessedImage {
    variants = List.copyOf(variants);
  }
}
