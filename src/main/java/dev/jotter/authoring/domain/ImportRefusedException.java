package dev.jotter.authoring.domain;

/**
 * A file that cannot be imported at all: too large, malformed, or hostile (a zip bomb, paths
 * leaving the archive, XML entities). Nothing of it is saved.
 */
public class ImportRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why: each is its own HTTP status and error code. */
  public enum Reason {
    /** More bytes than the limit (413 PAYLOAD_TOO_LARGE). */
    TOO_LARGE,
    /** Not a file of the format named, or broken (400 MALFORMED_FILE). */
    MALFORMED,
    /** Built to harm: a zip bomb, a path out of the archive, XML entities (400 UNSAFE_FILE). */
    UNSAFE
  }

  private final Reason reason;

  public ImportRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
