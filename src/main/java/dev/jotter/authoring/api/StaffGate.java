package dev.jotter.authoring.api;

import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.UnauthenticatedException;

/** Lets other modules check the signed-in staff user's role before a staff-only change. */
public interface StaffGate {

  /**
   * Passes when an editor or administrator is signed in.
   *
   * @param what the change, for the message ("pin related posts")
   */
  void requireEditor(String what) throws UnauthenticatedException, ForbiddenException;

  /**
   * Whether an editor or administrator is signed in: for what only they may see (never an error;
   * anonymous readers, suspended accounts and other roles get false).
   */
  boolean editorSignedIn();

  /**
   * Passes when any active staff user is signed in (contributors and up).
   *
   * @return the signed-in staff user's id
   * @throws UnauthenticatedException when nobody is, or the token is not valid
   */
  long requireStaff() throws UnauthenticatedException;
}
