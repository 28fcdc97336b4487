package dev.jotter.content.api;

import org.eclipse.microprofile.graphql.Description;

/** Where a post stands in its life: readers only ever see {@link #PUBLISHED} posts. */
@Description("Where a post stands: readers only ever see PUBLISHED posts.")
public enum PostStatus {
  @Description("Being written; visible to its authors and editors only.")
  DRAFT,
  @Description("Will be published at its publishedAt time.")
  SCHEDULED,
  @Description("Live for readers.")
  PUBLISHED,
  @Description("Deleted: in the trash, restorable (as a draft) for 30 days, then purged.")
  TRASHED
}
