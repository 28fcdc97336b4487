package dev.jotter.authoring.domain;

/** Something a staff user does to a post. */
public enum PostAction {
  /** Read an unpublished post (drafts, scheduled posts, revisions). */
  PREVIEW,
  /** Change its content, tags or slug, or restore a revision. */
  EDIT,
  PUBLISH,
  SCHEDULE,
  UNPUBLISH,
  /** Move it to the trash. */
  DELETE,
  /** Take it out of the trash. */
  RESTORE
}
