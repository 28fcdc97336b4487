package dev.jotter.content.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A post as its authors and editors see it, in any status: the reader's view plus the markdown
 * source, every tag (internal {@code #} tags too) and when it went to the trash.
 */
public record EditablePost(
    PostView post, String markdown, List<TagView> allTags, OffsetDateTime trashedAt) {

  public EditablePost {
    allTags = List.copyOf(allTags);
  }

  public long id() {
    return post.id();
  }

  public long version() {
    return post.version();
  }

  public PostStatus status() {
    return post.status();
  }
}
