package dev.jotter.authoring.domain;

import org.eclipse.microprofile.graphql.Description;

/** What a staff user may do; each role may do everything the ones before it may (as in Ghost). */
@Description("A staff user's role; each may do all that the roles before it may.")
public enum Role {
  @Description("Writes and edits their own drafts; cannot publish.")
  CONTRIBUTOR,
  @Description("Also publishes, schedules, unpublishes and deletes their own posts.")
  AUTHOR,
  @Description("All of that on every post; manages tags, authors and contributors.")
  EDITOR,
  @Description("Everything, including staff accounts and roles.")
  ADMINISTRATOR;

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }
}
