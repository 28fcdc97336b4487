package dev.jotter.content.internal;

import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagView;
import dev.jotter.content.domain.Author;
import dev.jotter.content.domain.Post;
import dev.jotter.content.domain.Tag;

/** Maps entities to the views the module publishes; call inside the loading transaction. */
final class Views {

  private Views() {}

  static PostView of(Post post) {
    return new PostView(
        post.id(),
        post.slug(),
        post.title(),
        post.subtitle(),
        post.html(),
        post.plainText(),
        post.excerpt(),
        post.customExcerpt(),
        post.headings(),
        post.featureImage().orElse(null),
        post.status(),
        post.publishedAt(),
        post.createdAt(),
        post.updatedAt(),
        post.readingTime(),
        post.version(),
        post.authors().stream().map(Views::of).toList(),
        post.publicTags().stream().map(Views::of).toList(),
        post.featured(),
        post.seo());
  }

  static EditablePost editable(Post post) {
    return new EditablePost(
        of(post), post.markdown(), post.tags().stream().map(Views::of).toList(), post.trashedAt());
  }

  static AuthorView of(Author author) {
    return new AuthorView(
        author.id(),
        author.slug(),
        author.name(),
        author.bio(),
        author.avatarUrl(),
        author.website(),
        author.location());
  }

  static TagView of(Tag tag) {
    return new TagView(tag.id(), tag.slug(), tag.name(), tag.description());
  }
}
