package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Image;
import java.util.List;

/** What an upload answers: the full-size image's URL and size, its srcset and its variants. */
public record UploadedImage(
    String url,
    int width,
    int height,
    String contentType,
    String srcset,
    List<Image.Variant> variants) {

  static UploadedImage of(Image image) {
    return new UploadedImage(
        image.url(),
        image.width(),
        image.height(),
        image.contentType(),
        image.srcset(),
        image.variants());
  }
}
