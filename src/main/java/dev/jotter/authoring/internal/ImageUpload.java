package dev.jotter.authoring.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * An image as it arrives: its bytes (read once, on demand), their length if told, its file name.
 */
public interface ImageUpload {

  /** The length the request declared, or -1 when it did not say. */
  long declaredLength();

  InputStream open() throws IOException;

  /** The name it was sent with, or null. */
  String fileName();
}
