package dev.jotter.it;

import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.ResponsiveImages;
import dev.jotter.content.domain.Author;
import dev.jotter.content.domain.AuthorRepository;
import dev.jotter.content.domain.Post;
import dev.jotter.content.domain.PostRepository;
import dev.jotter.content.domain.Slug;
import dev.jotter.content.domain.Tag;
import dev.jotter.content.domain.TagRepository;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
  @Inject PostEditor editor;

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

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

  /**
   * A post with the given authors and tags (by slug, created when missing), published or not. It is
   * published through the content module's editor, which announces it like any other publish.
   */
  public Post post(
      String slug,
      String markdown,
      List<String> authorSlugs,
      List<String> tagNames,
      OffsetDateTime publishedAt) {
    List<Author> postAuthors = authorSlugs.stream().map(this::author).toList();
    Post post = new Post(new Slug(slug), postAuthors.get(0), now());
    post.setContent("Title of " + slug, null, markdown, null, null, ResponsiveImages.NONE, now());
    post.setAuthors(postAuthors);
    post.setTags(
        tagNames.stream()
            .map(name -> tag(Slug.fromTitle(name.replace("#", "hash "), "tag").value(), name))
            .toList());
    Post saved = posts.save(post);
    em.flush(); // the editor locks the row: it must be in the database
    if (publishedAt != null) {
      try {
        editor.publish(saved.id(), publishedAt);
      } catch (NotFoundException | InvalidArgumentException e) {
        throw new IllegalStateException(e);
      }
    }
    return saved;
  }

  /** Takes a published post back from readers (announced, as any unpublish). */
  public void unpublish(long postId) {
    try {
      editor.unpublish(postId, now());
    } catch (NotFoundException | InvalidArgumentException e) {
      throw new IllegalStateException(e);
    }
  }

  public long postCount() {
    return posts.count();
  }
}
