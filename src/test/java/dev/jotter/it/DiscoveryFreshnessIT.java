package dev.jotter.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagView;
import dev.jotter.discovery.domain.Related;
import dev.jotter.discovery.domain.RelatedEngine;
import dev.jotter.discovery.internal.DiscoveryService;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Discovery follows the content's changes (the change log): a post published through the content
 * module shows up in other posts' related lists and in search without a full rebuild, right after
 * the commit, and disappears again when unpublished. Nobody announces anything by hand.
 */
@ExtendWith(ArquillianExtension.class)
class DiscoveryFreshnessIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.jotter(TestContent.class);
  }

  @Inject TestContent content;
  @Inject PostCatalog catalog;
  @Inject DiscoveryService discovery;

  @Test
  void aPublishedPostJoinsRelatedListsAndSearchAndLeavesWhenUnpublished() {
    PostView mars = catalog.findPublishedBySlug("twenty-minutes-to-mars").orElseThrow();
    String slug = "fresh-" + System.nanoTime();
    long id =
        content
            .post(
                slug,
                mars.text() + "\n\nZanzibarquux is the word of this test.",
                List.of("astro"),
                mars.tags().stream().map(TagView::name).toList(),
                TestContent.now())
            .id();

    assertTrue(relatedIds(mars.id()).contains(id), "the new post is related to its twin");
    assertFalse(relatedIds(id).isEmpty(), "the new post has its own list");
    assertTrue(searchIds("zanzibarquux").contains(id), "the new post is searchable");

    content.unpublish(id);

    assertFalse(relatedIds(mars.id()).contains(id), "an unpublished post is nobody's related");
    assertTrue(relatedIds(id).isEmpty(), "an unpublished post has no list");
    assertFalse(searchIds("zanzibarquux").contains(id), "an unpublished post is not found");
  }

  /**
   * Each change refreshes the lists it can affect at once; once the blog is quiet (2 s on the test
   * server) every stored list is settled to what a full rebuild from the published posts gives.
   */
  @Test
  void onceTheBlogIsQuietEveryStoredListIsThatOfAFullRebuild() throws Exception {
    PostView mars = catalog.findPublishedBySlug("twenty-minutes-to-mars").orElseThrow();
    List<Long> published = new java.util.ArrayList<>();
    for (String words : List.of("orbital cargo", "robot gardeners")) {
      published.add(
          content
              .post(
                  "settle-" + System.nanoTime(),
                  mars.text() + "\n\nA note on " + words + ".",
                  List.of("astro"),
                  mars.tags().stream().map(TagView::name).toList(),
                  TestContent.now())
              .id());
    }
    try {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      while (!discovery.settled() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(discovery.settled(), "settled within 30 s of the last change");

      RelatedEngine rebuilt = new RelatedEngine();
      DiscoveryService.forEachPublished(
          catalog, page -> page.forEach(view -> rebuilt.put(DiscoveryService.doc(view))));
      java.util.Set<Long> ids = rebuilt.ids();
      java.util.Map<Long, List<Related>> stored = discovery.related(ids);
      for (long id : ids) {
        org.junit.jupiter.api.Assertions.assertEquals(
            rebuilt.relatedTo(id, List.of(), java.util.Set.of()),
            stored.getOrDefault(id, List.of()),
            "the stored list of post " + id);
      }
    } finally {
      published.forEach(content::unpublish);
    }
  }

  private List<Long> relatedIds(long postId) {
    return discovery.related(List.of(postId)).getOrDefault(postId, List.of()).stream()
        .map(Related::relatedId)
        .toList();
  }

  private List<Long> searchIds(String word) {
    return discovery.search(discovery.terms(word), null, null, 10, null).hits().stream()
        .map(h -> h.id())
        .toList();
  }
}
