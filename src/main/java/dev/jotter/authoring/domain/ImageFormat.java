package dev.jotter.authoring.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formats Jotter stores images in: JPEG for photographs (JPEG uploads, and WebP ones without
 * transparency), PNG for the rest (PNG and GIF uploads, WebP with transparency). No ImageIO plugin
 * here writes WebP, and every browser shows both.
 */
public enum ImageFormat {
  PNG("png", "image/png"),
  JPEG("jpg", "image/jpeg");

  private final String extension;
  private final String contentType;

  ImageFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The format of a stored file's extension. */
  public static Optional<ImageFormat> ofExtension(String extension) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
  }
}
