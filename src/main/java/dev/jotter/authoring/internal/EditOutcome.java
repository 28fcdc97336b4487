package dev.jotter.authoring.internal;

import dev.jotter.content.api.EditablePost;
import java.util.List;

/** What became of a change to a post: saved, or refused because someone else saved first. */
public sealed interface EditOutcome {

  record Saved(EditablePost post) implements EditOutcome {}

  /**
   * Nothing was changed: the post is at a newer version than the change was based on.
   *
   * @param current the post as it now is
   * @param differingFields the fields of the change whose value differs from the current one
   */
  record Conflict(EditablePost current, long expectedVersion, List<String> differingFields)
      implements EditOutcome {}
}
