package dev.jotter.discovery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Related posts on a labelled corpus (30 posts in 5 topics, with cross-topic tags and words): how
 * many of each post's top 3 are from its own topic.
 */
class RelatedEngineTest {

  static final Map<Long, String> TOPIC = new HashMap<>();
  static final List<Doc> DOCS = new ArrayList<>();

  @BeforeAll
  static void loadCorpus() throws Exception {
    Map<String, Long> tagIds = new LinkedHashMap<>();
    try (InputStream in =
            RelatedEngineTest.class.getResourceAsStream("/related-corpus/corpus.json");
        JsonReader reader = Json.createReader(in)) {
      for (JsonObject p : reader.readObject().getJsonArray("posts").getValuesAs(JsonObject.class)) {
        long id = p.getJsonNumber("id").longValue();
        DOCS.add(
            TestDocs.doc(
                id,
                p.getString("title"),
                p.getString("markdown"),
                p.getJsonArray("tags").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList(),
                tagIds,
                p.getString("author"),
                p.getString("publishedAt")));
        TOPIC.put(id, p.getString("topic"));
      }
    }
  }

  static RelatedEngine engine() {
    RelatedEngine engine = new RelatedEngine();
    DOCS.forEach(engine::put);
    return engine;
  }

  @Test
  void precisionAtThreeIsAtLeastNinetyPercent() {
    RelatedEngine engine = engine();
    int relevant = 0;
    int shown = 0;
    for (Doc doc : DOCS) {
      List<Related> top =
          engine.relatedTo(doc.id(), List.of(), Set.of()).stream().limit(3).toList();
      for (Related r : top) {
        shown++;
        if (TOPIC.get(r.relatedId()).equals(TOPIC.get(doc.id()))) {
          relevant++;
        }
      }
    }
    double precision = (double) relevant / shown;
    System.out.printf(
        "related posts precision@3 on the labelled corpus: %.3f (%d of %d)%n",
        precision, relevant, shown);
    assertThat(shown).isGreaterThanOrEqualTo(2 * DOCS.size());
    assertThat(precision).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theSameDataAlwaysGivesTheSameLists() {
    RelatedEngine first = engine();
    RelatedEngine reversed = new RelatedEngine();
    for (int i = DOCS.size() - 1; i >= 0; i--) {
      reversed.put(DOCS.get(i));
    }
    for (Doc doc : DOCS) {
      assertThat(reversed.relatedTo(doc.id(), List.of(), Set.of()))
          .isEqualTo(first.relatedTo(doc.id(), List.of(), Set.of()));
    }
  }

  @Test
  void aPostIsNeverRelatedToItselfAndScoresStayBetweenZeroAndOne() {
    RelatedEngine engine = engine();
    for (Doc doc : DOCS) {
      List<Related> related = engine.relatedTo(doc.id(), List.of(), Set.of());
      assertThat(related).isNotEmpty().hasSizeLessThanOrEqualTo(RelatedEngine.KEPT);
      assertThat(related)
          .extracting(Related::relatedId)
          .doesNotContain(doc.id())
          .doesNotHaveDuplicates();
      assertThat(related)
          .allSatisfy(
              r -> {
                assertThat(r.score()).isBetween(0.0, 1.0);
                assertThat(r.reasons()).isNotEmpty();
              });
      assertThat(related).extracting(Related::score).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }
  }

  @Test
  void reasonsSayWhatContributed() {
    RelatedEngine engine = engine();
    Doc doc = DOCS.get(0);
    for (Related r : engine.relatedTo(doc.id(), List.of(), Set.of())) {
      Doc other = DOCS.stream().filter(d -> d.id() == r.relatedId()).findFirst().orElseThrow();
      List<Long> shared = doc.tagIds().stream().filter(other.tagIds()::contains).toList();
      assertThat(r.sharedTagIds()).isEqualTo(shared);
      assertThat(r.reasons().contains(Reason.SHARED_TAG)).isEqualTo(!shared.isEmpty());
      assertThat(r.reasons().contains(Reason.SAME_AUTHOR))
          .isEqualTo(doc.authorSlug().equals(other.authorSlug()));
    }
  }

  @Test
  void pinsComeFirstAndExclusionsNeverAppear() {
    RelatedEngine engine = engine();
    long self = DOCS.get(0).id();
    List<Related> before = engine.relatedTo(self, List.of(), Set.of());
    long excluded = before.get(0).relatedId();
    long pinned = DOCS.get(DOCS.size() - 1).id();

    List<Related> after = engine.relatedTo(self, List.of(pinned), Set.of(excluded));

    assertThat(after.get(0).relatedId()).isEqualTo(pinned);
    assertThat(after.get(0).reasons()).containsExactly(Reason.PINNED);
    assertThat(after).extracting(Related::relatedId).doesNotContain(excluded);
  }

  @Test
  void aPostWithNothingCloseFallsBackToTheNewestOfItsCategory() {
    RelatedEngine engine = new RelatedEngine();
    OffsetDateTime t = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    engine.put(new Doc(1, "Quantum gardening", "", "zebra quartz lumen", List.of(7L), "a", t));
    engine.put(
        new Doc(
            2, "Other", "", "violin harbour cobalt", List.of(7L, 8L, 9L, 10L), "b", t.plusDays(1)));
    engine.put(new Doc(3, "Third", "", "saddle meteor tulip", List.of(11L), "c", t.plusDays(2)));

    List<Related> related = engine.relatedTo(1, List.of(), Set.of());

    assertThat(related).extracting(Related::relatedId).contains(2L).doesNotContain(1L, 3L);
  }

  @Test
  void removingAPostTakesItOutOfEveryList() {
    RelatedEngine engine = engine();
    long gone = engine.relatedTo(DOCS.get(0).id(), List.of(), Set.of()).get(0).relatedId();
    engine.remove(gone);
    for (Doc doc : DOCS) {
      if (doc.id() != gone) {
        assertThat(engine.relatedTo(doc.id(), List.of(), Set.of()))
            .extracting(Related::relatedId)
            .doesNotContain(gone);
      }
    }
    assertThat(engine.relatedTo(gone, List.of(), Set.of())).isEmpty();
  }
}
