package dev.jotter.authoring.graphql;

import org.eclipse.microprofile.graphql.Description;

/** How a line of a diff stands. */
@Description("How a line of a diff stands.")
public enum DiffKind {
  @Description("In both texts.")
  UNCHANGED,
  @Description("Only in after.")
  ADDED,
  @Description("Only in before.")
  REMOVED
}
