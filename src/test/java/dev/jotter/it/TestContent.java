package dev.jotter.it;

import dev.jotter.content.domain.Author;
import dev.jotter.content.domain.AuthorRepository;
import dev.jotter.content.domain.Post;
import dev.jotter.content.domain.PostRepository;
import dev.jotter.content.domain.Slug;
import dev.jotter.content.domain.Tag;
import dev.jotter.content.domain.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Puts test content in the database, each call in its own transaction (in-container tests). */
@ApplicationScoped
@Transactional
public class TestContent {

  @Inject AuthorRepository authors;
  @Inject TagRepository tags;
  @Inject PostRepository posts;

  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  public Author author(String slug) {
    return authors
        .findBySlug(slug)
        .orElseGet(
            () -> {
              Author author = new Author(new Slug(slug), "Test " + slug, now());
              author.describe("Writes tests.", null, null, null, now());
              return authors.save(author);
            });
  }

  public Tag tag(String slug, String name) {
    return tags.findBySlug(slug)
        .orElseGet(() -> tags.save(new Tag(new Slug(slug), name, null, now())));
  }

  /** A post with the given authors and tags (by slug, created when missing), published or not. */
  public Post post(
      String slug,
      String markdown,
      List<String> authorSlugs,
      List<String> tagNames,
      OffsetDateTime publishedAt) {
    List<Author> postAuthors = authorSlugs.stream().map(this::author).toList();
    Post post = new Post(new Slug(slug), postAuthors.get(0), now());
    post.setContent("Title of " + slug, null, markdown, null, null, now());
    post.setAuthors(postAuthors);
    post.setTags(
        tagNames.stream()
            .map(name -> tag(Slug.fromTitle(name.replace("#", "hash "), "tag").value(), name))
            .toList());
    if (publishedAt != null) {
      post.publish(publishedAt);
    }
    return posts.save(post);
  }

  /** Takes a published post back from readers. */
  public void unpublish(long postId) {
    posts.findPublishedByIds(List.of(postId)).forEach(Post::unpublish);
  }

  public long postCount() {
    return posts.count();
  }
}
