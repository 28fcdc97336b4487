package dev.jotter.discovery.domain;

import org.eclipse.microprofile.graphql.Description;

/** What made a post related to another: shown to readers so a frontend can say why. */
@Description("Why a post is related to another.")
@org.eclipse.microprofile.graphql.Enum("RelatedReason")
public enum Reason {
  @Description("They share one or more public tags (rare tags count more).")
  SHARED_TAG,
  @Description("They have the same primary tag (category).")
  SAME_PRIMARY_TAG,
  @Description("Their titles, headings and bodies use similar words.")
  SIMILAR_TEXT,
  @Description("They have the same primary author.")
  SAME_AUTHOR,
  @Description("Nothing scored high enough: one of the newest posts of the same category.")
  NEWEST_IN_CATEGORY,
  @Description("An editor pinned it.")
  PINNED
}
