package dev.jotter.discovery.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Scores related lists against a corpus's labels: precision@3 (the share of each post's top three
 * from its own topic) and nDCG@3 (the same, with a hit in first place worth more, against the best
 * list the topic allows), and explains every miss with the score's parts.
 */
final class RelatedEvaluation {

  static final int TOP = 3;

  private RelatedEvaluation() {}

  record Miss(long post, long shown, int rank, RelatedEngine.Explanation why, Long bestMissing) {}

  record Report(Corpus corpus, int relevant, int shown, double ndcg, List<Miss> misses) {
    double precision() {
      return shown == 0 ? 0 : (double) relevant / shown;
    }

    String summary() {
      return String.format(
          "%-14s %2d posts  precision@3 %.3f (%d of %d)  nDCG@3 %.3f%s",
          corpus.name(),
          corpus.docs().size(),
          precision(),
          relevant,
          shown,
          ndcg,
          corpus.heldOut() ? "  (held out of tuning)" : "");
    }

    /** Every miss: the post, the wrong one shown and where, and what each score is made of. */
    String details(RelatedEngine engine) {
      StringBuilder out = new StringBuilder();
      for (Miss m : misses) {
        out.append(
            String.format(
                "  miss in %s [%s]: #%d %s [%s]%n    %s%n",
                corpus.slugs().get(m.post()),
                corpus.topics().get(m.post()),
                m.rank(),
                corpus.slugs().get(m.shown()),
                corpus.topics().get(m.shown()),
                describe(m.why())));
        if (m.bestMissing() != null) {
          out.append(
              String.format(
                  "    best of its own topic not shown: %s%n      %s%n",
                  corpus.slugs().get(m.bestMissing()),
                  describe(engine.explain(m.post(), m.bestMissing()))));
        }
      }
      return out.toString();
    }

    /** Every tag of the corpus with what the engine makes of it, most used first. */
    String tags(RelatedEngine engine) {
      StringBuilder out = new StringBuilder();
      corpus.tagNames().keySet().stream()
          .map(engine::worth)
          .sorted(
              java.util.Comparator.comparingInt(RelatedEngine.TagWorth::posts)
                  .reversed()
                  .thenComparing(w -> corpus.tagNames().get(w.tagId())))
          .forEach(
              w ->
                  out.append(
                      String.format(
                          "  tag %-16s %2d posts  rarity %.2f  alike %.2f  primary %.2f"
                              + "  split %.2f  -> coherence %.2f%n",
                          corpus.tagNames().get(w.tagId()),
                          w.posts(),
                          w.rarity(),
                          w.alike(),
                          w.categoryShare(),
                          w.split(),
                          w.coherence())));
      return out.toString();
    }

    private String describe(RelatedEngine.Explanation e) {
      String tags =
          e.sharedTags().stream()
              .map(
                  t ->
                      String.format(
                          "%s%s (rarity %.2f × coherence %.2f)",
                          corpus.tagNames().get(t.tagId()),
                          t.primaryOfBoth() ? " primary of both" : "",
                          t.rarity(),
                          t.coherence()))
              .collect(Collectors.joining(", "));
      return String.format(
          "score %.3f from tags %.3f, text %.3f%s; shared tags: %s",
          e.score(),
          e.tags(),
          e.text(),
          e.sameAuthor() ? ", same author" : "",
          tags.isEmpty() ? "none" : tags);
    }
  }

  static Report evaluate(Corpus corpus, RelatedEngine engine) {
    int relevant = 0;
    int shown = 0;
    double ndcg = 0;
    List<Miss> misses = new ArrayList<>();
    for (Doc doc : corpus.docs()) {
      String topic = corpus.topics().get(doc.id());
      List<Related> top =
          engine.relatedTo(doc.id(), List.of(), Set.of()).stream().limit(TOP).toList();
      double dcg = 0;
      for (int i = 0; i < top.size(); i++) {
        long other = top.get(i).relatedId();
        shown++;
        if (corpus.topics().get(other).equals(topic)) {
          relevant++;
          dcg += 1 / log2(i + 2);
        } else {
          misses.add(
              new Miss(
                  doc.id(),
                  other,
                  i + 1,
                  engine.explain(doc.id(), other),
                  bestMissing(corpus, engine, doc.id(), top)));
        }
      }
      long ideal = Math.min(TOP, corpus.sameTopic(doc.id()));
      double idcg = 0;
      for (int i = 0; i < ideal; i++) {
        idcg += 1 / log2(i + 2);
      }
      ndcg += idcg == 0 ? 1 : dcg / idcg;
    }
    return new Report(corpus, relevant, shown, ndcg / corpus.docs().size(), misses);
  }

  /** The same-topic post with the best score that the top three leave out, if any. */
  private static Long bestMissing(
      Corpus corpus, RelatedEngine engine, long post, List<Related> top) {
    String topic = corpus.topics().get(post);
    Set<Long> listed = top.stream().map(Related::relatedId).collect(Collectors.toSet());
    return corpus.docs().stream()
        .map(Doc::id)
        .filter(id -> id != post && !listed.contains(id) && corpus.topics().get(id).equals(topic))
        .max(
            (a, b) ->
                Double.compare(engine.explain(post, a).score(), engine.explain(post, b).score()))
        .orElse(null);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** The corpora weights may be chosen on: the labelled ones, never the held-out one. */
  static final List<String> TUNING = List.of("corpus", "generic-first", "workshop", "thinking");

  /**
   * Leave-one-corpus-out cross-validation over a grid of {@link RelatedEngine.Tuning}s: for each
   * tuning corpus, the weights that do best on the other three (mean precision@3, then nDCG@3), and
   * what they give on the one left out, beside the engine's defaults.
   */
  /** The cross-validation's printout, and the precision@3 on each corpus when left out. */
  record CrossValidation(String text, List<Double> leftOut) {}

  static CrossValidation crossValidation() {
    List<Corpus> corpora = TUNING.stream().map(Corpus::load).toList();
    List<RelatedEngine.Tuning> grid = new ArrayList<>();
    for (double tags : new double[] {0.4, 0.5, 0.6, 0.7}) {
      for (double floor : new double[] {0.0, 0.15, 0.3, 0.45}) {
        for (double margin : new double[] {0.05, 0.1, 0.2, 0.3}) {
          grid.add(new RelatedEngine.Tuning(tags, floor, margin));
        }
      }
    }
    java.util.Map<RelatedEngine.Tuning, List<Report>> results = new java.util.HashMap<>();
    for (RelatedEngine.Tuning tuning : grid) {
      results.put(
          tuning,
          corpora.stream()
              .map(
                  c -> {
                    RelatedEngine engine = new RelatedEngine(tuning);
                    c.docs().forEach(engine::put);
                    return evaluate(c, engine);
                  })
              .toList());
    }
    List<Report> defaults = results.get(RelatedEngine.Tuning.DEFAULT);
    StringBuilder out =
        new StringBuilder(
            String.format(
                "cross-validation over %d weightings (tag weight × category floor × split"
                    + " margin); defaults %s%n",
                grid.size(), describe(RelatedEngine.Tuning.DEFAULT)));
    List<Double> leftOut = new ArrayList<>();
    for (int left = 0; left < corpora.size(); left++) {
      int out1 = left;
      RelatedEngine.Tuning best =
          grid.stream()
              .max(
                  java.util.Comparator.comparingDouble(
                          (RelatedEngine.Tuning t) -> mean(results.get(t), out1, Report::precision))
                      .thenComparingDouble(t -> mean(results.get(t), out1, Report::ndcg)))
              .orElseThrow();
      out.append(
          String.format(
              "  left out %-14s best on the others %s -> %.3f on it (defaults %.3f)%n",
              corpora.get(left).name(),
              describe(best),
              results.get(best).get(left).precision(),
              defaults.get(left).precision()));
      leftOut.add(results.get(best).get(left).precision());
    }
    long holding =
        grid.stream()
            .filter(t -> results.get(t).stream().allMatch(r -> r.precision() >= 0.9))
            .count();
    out.append(
        String.format(
            "  %d of %d weightings reach precision@3 0.9 on every tuning corpus%n",
            holding, grid.size()));
    return new CrossValidation(out.toString(), leftOut);
  }

  private static double mean(
      List<Report> reports, int leftOut, java.util.function.ToDoubleFunction<Report> metric) {
    double sum = 0;
    for (int i = 0; i < reports.size(); i++) {
      if (i != leftOut) {
        sum += metric.applyAsDouble(reports.get(i));
      }
    }
    return sum / (reports.size() - 1);
  }

  private static String describe(RelatedEngine.Tuning t) {
    return String.format(
        "(tags %.2f, floor %.2f, margin %.2f)", t.tagWeight(), t.categoryFloor(), t.splitMargin());
  }

  /** The report of every corpus with engines from {@code engines}, summary lines first. */
  static String reportAll(Supplier<RelatedEngine> engines) {
    StringBuilder summary = new StringBuilder();
    StringBuilder details = new StringBuilder();
    for (Corpus corpus : Corpus.reported()) {
      RelatedEngine engine = engines.get();
      corpus.docs().forEach(engine::put);
      Report report = evaluate(corpus, engine);
      summary.append(report.summary()).append('\n');
      details
          .append(corpus.name())
          .append(":\n")
          .append(report.tags(engine))
          .append(report.details(engine));
    }
    return summary + details.toString();
  }
}
