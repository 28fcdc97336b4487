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

  /**
   * Lists computed on several threads while posts are added, changed and removed: no thread fails,
   * and once compiled the engine gives exactly the lists of one built at once.
   */
  @Test
  void listsComputedWhileTheBlogChangesStayConsistent() throws Exception {
    RelatedEngine engine = new RelatedEngine();
    engine.putAll(DOCS.subList(0, 20));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
      for (int t = 0; t < 3; t++) {
        work.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 30; round++) {
                    for (Doc doc : DOCS) {
                      engine.relatedTo(doc.id(), List.of(), Set.of());
                    }
                  }
                }));
      }
      work.add(
          pool.submit(
              () -> {
                for (int round = 0; round < 30; round++) {
                  Doc doc = DOCS.get(20 + round % 10);
                  engine.put(doc);
                  engine.remove(DOCS.get(round % 20).id());
                  engine.put(DOCS.get(round % 20));
                }
              }));
      for (java.util.concurrent.Future<?> f : work) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    engine.compile();
    RelatedEngine rebuilt = engine();
    assertThat(engine.ids()).isEqualTo(rebuilt.ids());
    for (Doc doc : DOCS) {
      assertThat(engine.relatedTo(doc.id(), List.of(), Set.of()))
          .isEqualTo(rebuilt.relatedTo(doc.id(), List.of(), Set.of()));
    }
  }

  /**
   * A word in more posts than its list keeps ({@value RelatedEngine#IMPACT_KEPT}): the posts it
   * weighs most in are the ones kept, so the post most about it is still found.
   */
  @Test
  void aWordInManyPostsKeepsThePostsItWeighsMostIn() {
    RelatedEngine engine = new RelatedEngine();
    OffsetDateTime t = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    List<Doc> docs = new java.util.ArrayList<>();
    for (int i = 1; i <= 3 * RelatedEngine.IMPACT_KEPT; i++) {
      StringBuilder words = new StringBuilder("zeppelin");
      for (int w = 0; w < 20; w++) {
        words.append(" filler").append(i).append("x").append(w);
      }
      docs.add(new Doc(i, "Note" + i, "", words.toString(), List.of(), "a", t));
    }
    // the two posts most about the word: it is all they say
    docs.add(new Doc(1000, "", "", "zeppelin ".repeat(12), List.of(), "b", t));
    docs.add(new Doc(1001, "", "", "zeppelin ".repeat(9), List.of(), "c", t));
    java.util.Collections.shuffle(docs, new java.util.Random(3));
    engine.putAll(docs);

    assertThat(engine.relatedTo(1000, List.of(), Set.of()))
        .extracting(Related::relatedId)
        .startsWith(1001L);

    // published after the model was compiled, it enters the word's full list too
    Doc third = new Doc(1002, "", "", "zeppelin ".repeat(10), List.of(), "d", t);
    engine.put(third);
    assertThat(engine.relatedTo(1000, List.of(), Set.of()))
        .extracting(Related::relatedId)
        .startsWith(1001L, 1002L);
  }
}
