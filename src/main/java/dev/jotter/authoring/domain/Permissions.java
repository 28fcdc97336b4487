package dev.jotter.authoring.domain;

import dev.jotter.content.api.PostStatus;
import java.util.Optional;

/**
 * Who may do what, as Ghost's staff roles: the one place the rules live, so they can be tested one
 * by one without a server.
 */
public final class Permissions {

  private Permissions() {}

  /**
   * Why {@code role} may not do {@code action} to a post, or empty when it may.
   *
   * @param own whether the staff user is one of the post's authors
   * @param status the post's status before the action
   */
  public static Optional<String> refusal(
      Role role, boolean own, PostStatus status, PostAction action) {
    if (role.atLeast(Role.EDITOR)) {
      return Optional.empty();
    }
    if (!own) {
      return Optional.of(
          "Only the post's authors, editors and administrators may "
              + verb(action)
              + " it; you are not one of its authors.");
    }
    if (role == Role.AUTHOR) {
      return Optional.empty();
    }
    // a contributor: their own drafts only
    return switch (action) {
      case PREVIEW -> Optional.empty();
      case EDIT, DELETE ->
          status == PostStatus.DRAFT
              ? Optional.empty()
              : Optional.of(
                  "Contributors may "
                      + verb(action)
                      + " their own drafts only; this post is "
                      + status.name().toLowerCase()
                      + ". Ask an editor.");
      case RESTORE -> Optional.empty();
      case PUBLISH, SCHEDULE, UNPUBLISH ->
          Optional.of(
              "Contributors cannot "
                  + verb(action)
                  + " posts; an author of the post or an editor can.");
    };
  }

  /** Whether {@code actor} may create a staff user with, or change one to, {@code role}. */
  public static Optional<String> staffRefusal(Role actor, Role targetCurrent, Role targetNew) {
    if (actor == Role.ADMINISTRATOR) {
      return Optional.empty();
    }
    if (actor == Role.EDITOR
        && (targetCurrent == null || !targetCurrent.atLeast(Role.EDITOR))
        && !targetNew.atLeast(Role.EDITOR)) {
      return Optional.empty();
    }
    return Optional.of(
        actor == Role.EDITOR
            ? "Editors manage authors and contributors only; an administrator manages editors"
                + " and administrators."
            : "Only editors and administrators manage staff.");
  }

  /**
   * Whether the role sees every post, in any status, in staff lists ({@code staffPosts}, {@code
   * drafts}); the others see the posts they are among the authors of. The same as {@link #refusal}
   * allowing {@link PostAction#PREVIEW} of a post that is not one's own.
   */
  public static boolean seesEveryonesPosts(Role role) {
    return role.atLeast(Role.EDITOR);
  }

  /** Whether the role may create, change and delete tags. */
  public static boolean managesTags(Role role) {
    return role.atLeast(Role.EDITOR);
  }

  private static String verb(PostAction action) {
    return switch (action) {
      case PREVIEW -> "see";
      case EDIT -> "edit";
      case PUBLISH -> "publish";
      case SCHEDULE -> "schedule";
      case UNPUBLISH -> "unpublish";
      case DELETE -> "delete";
      case RESTORE -> "restore";
    };
  }
}
