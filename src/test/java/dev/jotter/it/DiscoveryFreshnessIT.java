package dev.jotter.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagView;
import dev.jotter.discovery.domain.Related;
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
