package dev.jotter.discovery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo blog's related lists, as a newcomer sees them: printed, and checked to be what a person
 * would call related (most of each post's top three share a public tag with it).
 */
class DemoBlogRelatedTest {

  @Test
  void everyDemoPostsTopThreeMostlyShareATagWithIt() {
    Corpus demo = Corpus.demo();
    RelatedEngine engine = demo.engine();
    Map<Long, String> slugs = demo.slugs();
    Map<Long, Doc> docs = new HashMap<>();
    demo.docs().forEach(doc -> docs.put(doc.id(), doc));
    int sharing = 0;
    int shown = 0;
    List<String> withoutTheirCategory = new ArrayList<>();
    for (Doc doc : docs.values()) {
      StringBuilder line = new StringBuilder(slugs.get(doc.id()) + ":");
      boolean category = false;
      for (Related r : engine.relatedTo(doc.id(), List.of(), Set.of()).stream().limit(3).toList()) {
        line.append(
            String.format("%n    %.3f %s %s", r.score(), slugs.get(r.relatedId()), r.reasons()));
        shown++;
        if (!r.sharedTagIds().isEmpty()) {
          sharing++;
        }
        category |= doc.primaryTagId().equals(docs.get(r.relatedId()).primaryTagId());
      }
      if (!category) {
        withoutTheirCategory.add(slugs.get(doc.id()));
      }
      System.out.println(line);
    }
    System.out.printf("demo blog: %d of %d related posts share a public tag%n", sharing, shown);
    assertThat(shown).isEqualTo(3 * docs.size());
    assertThat((double) sharing / shown).isGreaterThanOrEqualTo(0.85);
    System.out.println(
        "without another post of their category in the top 3: " + withoutTheirCategory);
    assertThat(withoutTheirCategory)
        .as("every demo category has three posts or more: nearly every post lists another of it")
        .hasSizeLessThanOrEqualTo(1);
  }
}
