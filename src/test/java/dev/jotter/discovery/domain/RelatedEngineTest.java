package dev.jotter.discovery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The related engine's promises on the first labelled corpus: deterministic lists, never the post
 * itself, scores 0–1 with reasons, pins and exclusions, the category fallback, removal. How good
 * the lists are is {@link RelatedCorporaTest}'s.
 */
class RelatedEngineTest {

  static final List<Doc> DOCS = Corpus.load("corpus").docs();

  static RelatedEngine engine() {
    RelatedEngine engine = new RelatedEngine();
    DOCS.forEach(engine::put);
    return engine;
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
