package dev.jotter.content.api;

import org.eclipse.microprofile.graphql.Description;

/** The orders a list of posts can be read in; every order ends with the post id, so it is total. */
@Description("The order of a list of posts.")
public enum PostOrder {
  @Description("Newest first (the default).")
  PUBLISHED_AT_DESC,
  @Description("Oldest first.")
  PUBLISHED_AT_ASC,
  @Description("Alphabetically by title.")
  TITLE_ASC,
  @Description("Most recently edited first.")
  UPDATED_AT_DESC
}
