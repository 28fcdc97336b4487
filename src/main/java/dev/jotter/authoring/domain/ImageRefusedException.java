package dev.jotter.authoring.domain;

/** An upload that is not stored, and why; nothing of it was kept. */
public class ImageRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why an upload is refused. */
  public enum Reason {
    /** Not a PNG, JPEG, WebP or GIF image, or one that cannot be decoded. */
    NOT_AN_IMAGE,
    /** More bytes than {@code jotter.images.max-bytes}. */
    TOO_MANY_BYTES,
    /** More pixels than {@code jotter.images.max-pixels}: it would take too much memory. */
    TOO_MANY_PIXELS,
    /** The server is decoding other uploads and this one waited too long for its turn. */
    BUSY
  }

  private final Reason reason;

  public ImageRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
