package dev.jotter.discovery.graphql;

import org.eclipse.microprofile.graphql.Description;

/** An editor's choice about one related post. */
@Description("An editor's choice about one related post.")
public enum RelatedOverrideKind {
  @Description("Always listed first among the related posts (pinRelatedPost).")
  PINNED,
  @Description("Never listed among the related posts (excludeRelatedPost).")
  EXCLUDED
}
