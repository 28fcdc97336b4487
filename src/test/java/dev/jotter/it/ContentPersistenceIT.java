package dev.jotter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagView;
import dev.jotter.platform.persistence.DatabaseMigrated;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Posts, authors and tags through JPA and Flyway's schema, inside the running server. (JUnit's
 * assertions: AssertJ is not deployed into the server.)
 */
@ExtendWith(ArquillianExtension.class)
class ContentPersistenceIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.jotter(TestContent.class);
  }

  @Inject TestContent content;
  @Inject PostCatalog catalog;
  @Inject Event<DatabaseMigrated> migrated;

  @Test
  void aSavedPostKeepsItsRenderedBodyAuthorsAndTagsInOrder() {
    String slug = "persisted-" + System.nanoTime();
    content.post(
        slug,
        "Intro words here.\n\n## First part\n\nBody text.\n\n"
            + "![a chart](https://example.com/chart.png)\n\n<script>alert(1)</script>\n",
        List.of("pers-primary", "pers-second"),
        List.of("#internal-first", "Persisted", "Other"),
        TestContent.now());

    PostView post = catalog.findPublishedBySlug(slug).orElseThrow();

    assertTrue(post.html().contains("<h2 id=\"first-part\">First part</h2>"), post.html());
    assertTrue(
        post.html().contains("<img src=\"https://example.com/chart.png\" alt=\"a chart\">"),
        post.html());
    assertFalse(post.html().contains("script"), post.html());
    assertEquals("Intro words here.\nFirst part\nBody text.", post.text());
    assertEquals(List.of("first-part"), post.headings().stream().map(h -> h.anchor()).toList());
    assertEquals(7, post.readingTime().words());
    assertEquals(1, post.readingTime().images());
    assertEquals(
        List.of("pers-primary", "pers-second"),
        post.authors().stream().map(AuthorView::slug).toList());
    assertEquals(List.of("Persisted", "Other"), post.tags().stream().map(TagView::name).toList());
    assertEquals("Persisted", post.primaryTag().name());
    assertEquals(2, post.version(), "saved as a draft, then published: two versions");
  }

  @Test
  void draftsAreInvisibleToReaders() {
    String slug = "draft-" + System.nanoTime();
    content.post(slug, "Not ready.", List.of("drafter"), List.of("Drafts"), null);

    assertTrue(catalog.findPublishedBySlug(slug).isEmpty());
    assertFalse(
        catalog
            .findPublished(new PostFilter(null, "drafter"), PostOrder.PUBLISHED_AT_DESC, null, 100)
            .posts()
            .stream()
            .map(PostView::slug)
            .toList()
            .contains(slug));
  }

  @Test
  void aDuplicateSlugIsRefusedAndNothingIsSaved() {
    String slug = "unique-" + System.nanoTime();
    content.post(slug, "Once.", List.of("uniq"), List.of(), TestContent.now());
    long before = content.postCount();

    assertThrows(
        RuntimeException.class,
        () -> content.post(slug, "Twice.", List.of("uniq"), List.of(), TestContent.now()));
    assertEquals(before, content.postCount());
  }

  @Test
  void theDemoBlogIsNeverSeededIntoADatabaseWithContent() {
    long before = content.postCount();
    migrated.fire(new DatabaseMigrated("1", 0));
    assertEquals(before, content.postCount());
  }
}
