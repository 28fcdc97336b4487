package dev.jotter.content.api;

/**
 * A change was based on an older version of the post than the one stored: someone else saved in
 * between. Nothing was changed; {@link #current()} is the post as it now is.
 */
public class VersionConflictException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient EditablePost current;

  public VersionConflictException(EditablePost current, long expectedVersion) {
    super(
        "The post was changed by someone else: it is at version "
            + current.version()
            + ", the change was based on version "
            + expectedVersion
            + ".");
    this.current = current;
  }

  public EditablePost current() {
    return current;
  }
}
