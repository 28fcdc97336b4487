package dev.jotter.content.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A post as the content module publishes it to other modules and to its GraphQL layer: everything a
 * reader's page shows, already rendered. {@code tags} holds only public tags, in order.
 */
public record PostView(
    long id,
    String slug,
    String title,
    String subtitle,
    String html,
    String text,
    String excerpt,
    String customExcerpt,
    List<Heading> headings,
    FeatureImage featureImage,
    PostStatus status,
    OffsetDateTime publishedAt,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    ReadingTime readingTime,
    long version,
    List<AuthorView> authors,
    List<TagView> tags,
    boolean featured,
    PostSeo seo) {

  public PostView {
    headings = List.copyOf(headings);
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
  }

  /** The first author. */
  public AuthorView primaryAuthor() {
    return authors.get(0);
  }

  /** The first public tag: the category label a reader sees; null when the post has none. */
  public TagView primaryTag() {
    return tags.isEmpty() ? null : tags.get(0);
  }
}
