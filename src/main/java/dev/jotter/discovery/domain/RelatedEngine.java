package dev.jotter.discovery.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Computes which published posts are related to a post, and why. The score (0–1) combines the
 * shared tags, each worth its rarity (IDF) times its coherence (a shared primary tag counts once
 * more), with the TF-IDF cosine similarity of title, headings and body (English stop words removed,
 * words stemmed); a shared primary author adds a little. Recency only breaks ties: the order is
 * score, then newest, then id, so the same data always gives the same list.
 *
 * <p>What a tag is worth is decided from evidence, not from its place in a post's list ({@link
 * TagWorth}): how much more alike its posts read than any two posts of the blog; whether it is its
 * posts' category (the floor that lets three Space essays with few words in common bind); and
 * whether other, more coherent tags keep its posts apart (a generic "Ideas" put first on a
 * programming, a cooking and a music post is split by their topic tags and counts for nothing).
 * Chosen on four labelled corpora by leave-one-out cross-validation and checked on a fifth held out
 * of all tuning ({@code RelatedCorporaTest}, {@code bench/related-eval.sh}).
 *
 * <p>Holds every published post in memory (terms and tags, not text) and is safe for concurrent
 * use. Candidates come from the post's 25 heaviest terms and its tags, so computing one list costs
 * far less than comparing against every post.
 */
public final class RelatedEngine {

  /** How many related posts are kept per post. */
  public static final int KEPT = 10;

  /** The least score a related post needs; when none has it, the category's newest stand in. */
  public static final double MIN_SCORE = 0.05;

  static final double TAG_WEIGHT = 0.6;
  static final double AUTHOR_WEIGHT = 0.005;
  static final double SIMILAR_TEXT = 0.08;
  static final double TAG_SATURATION = 2.0;
  static final int FALLBACK_FILL = 3;
  private static final int QUERY_TERMS = 25;

  /**
   * The least coherence of a category: a tag that is the primary tag of (nearly) all its posts.
   * Ghost-style blogs file each post under one category; a small category's posts may share few
   * words (three Space essays on Mars, satellites and launch prices), and without this floor their
   * tag would count for nothing. The floor fades fast for tags that are often not the primary one
   * (share⁴: a tag primary for half its posts gets a sixteenth of it), and goes to the share of the
   * tag's pairs that no other tag keeps apart, so a small generic tag that happens to come first
   * ("Ideas") gets none of it.
   */
  static final double CATEGORY_FLOOR = 0.3;

  static final int CATEGORY_SHARPNESS = 4;

  /** How much more coherent another tag must be to keep two posts of a tag apart. */
  static final double SPLIT_MARGIN = 0.1;

  private static final int SPLIT_SAMPLE = 200;

  private static final int TEXT_CANDIDATES = 100;
  private static final int TAG_CANDIDATES = 50;

  private final Tuning tuning;
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Map<Long, Entry> entries = new HashMap<>();
  private final Map<String, Set<Long>> termPostings = new HashMap<>();
  private final Map<Long, Set<Long>> tagPostings = new HashMap<>();
  private Map<Long, Map<String, Double>> vectors = new HashMap<>();
  private Map<Long, TagWorth> worths;

  public RelatedEngine() {
    this(Tuning.DEFAULT);
  }

  /** An engine with other weights, for tuning on labelled corpora. */
  RelatedEngine(Tuning tuning) {
    this.tuning = tuning;
  }

  /**
   * The weights people tune: of the shared tags against the text (which gets the rest), the
   * category floor and the split margin.
   */
  record Tuning(double tagWeight, double categoryFloor, double splitMargin) {
    static final Tuning DEFAULT = new Tuning(TAG_WEIGHT, CATEGORY_FLOOR, SPLIT_MARGIN);
  }

  private record Entry(Doc doc, Map<String, Integer> termFrequencies) {}

  /** Adds a post, or replaces it with its new content. */
  public synchronized void put(Doc doc) {
    remove(doc.id());
    Map<String, Integer> tf = new TreeMap<>();
    count(doc.title(), tf);
    count(doc.title(), tf); // the title weighs double
    count(doc.headings(), tf);
    count(doc.text(), tf);
    entries.put(doc.id(), new Entry(doc, tf));
    tf.keySet().forEach(t -> termPostings.computeIfAbsent(t, k -> new TreeSet<>()).add(doc.id()));
    doc.tagIds().forEach(t -> tagPostings.computeIfAbsent(t, k -> new TreeSet<>()).add(doc.id()));
    vectors = new HashMap<>();
    worths = null;
  }

  /** Forgets a post (unpublished or deleted). */
  public synchronized void remove(long id) {
    Entry old = entries.remove(id);
    if (old == null) {
      return;
    }
    old.termFrequencies().keySet().forEach(t -> removePosting(termPostings, t, id));
    old.doc().tagIds().forEach(t -> removePosting(tagPostings, t, id));
    vectors = new HashMap<>();
    worths = null;
  }

  public synchronized boolean contains(long id) {
    return entries.containsKey(id);
  }

  public synchronized Set<Long> ids() {
    return new TreeSet<>(entries.keySet());
  }

  /**
   * The posts related to {@code id}, best first, at most {@link #KEPT}: editors' pins first, never
   * the post itself, never an excluded post.
   */
  public synchronized List<Related> relatedTo(long id, List<Long> pinned, Set<Long> excluded) {
    Entry self = entries.get(id);
    if (self == null) {
      return List.of();
    }
    List<Related> result = new ArrayList<>();
    Set<Long> taken = new HashSet<>(excluded);
    taken.add(id);
    for (long pin : pinned) {
      if (entries.containsKey(pin) && taken.add(pin)) {
        result.add(new Related(pin, 1.0, EnumSet.of(Reason.PINNED), sharedTags(self, pin)));
      }
    }
    List<Scored> scored = new ArrayList<>();
    for (long candidate : candidates(self)) {
      if (!taken.contains(candidate)) {
        scored.add(score(self, entries.get(candidate)));
      }
    }
    scored.sort(ORDER);
    for (Scored s : scored) {
      if (result.size() >= KEPT || s.score < MIN_SCORE) {
        break;
      }
      result.add(s.toRelated());
      taken.add(s.id);
    }
    if (result.isEmpty()) {
      fillFromCategory(self, result, taken);
    }
    return List.copyOf(result);
  }

  /** The post as the engine holds it, or null. */
  public synchronized Doc doc(long id) {
    Entry entry = entries.get(id);
    return entry == null ? null : entry.doc();
  }

  /** The posts whose related lists may change when {@code id} is added, changed or removed. */
  public synchronized Set<Long> affectedBy(long id) {
    Entry self = entries.get(id);
    return self == null ? Set.of() : new TreeSet<>(candidates(self));
  }

  private void fillFromCategory(Entry self, List<Related> result, Set<Long> taken) {
    Long primary = self.doc().primaryTagId();
    if (primary == null) {
      return;
    }
    tagPostings.getOrDefault(primary, Set.of()).stream()
        .filter(other -> !taken.contains(other))
        .map(other -> entries.get(other))
        .filter(other -> primary.equals(other.doc().primaryTagId()))
        .sorted(
            Comparator.comparing((Entry e) -> e.doc().publishedAt())
                .reversed()
                .thenComparing(e -> e.doc().id()))
        .limit(FALLBACK_FILL - result.size())
        .forEach(
            other -> {
              Scored s = score(self, other);
              Set<Reason> reasons = EnumSet.of(Reason.NEWEST_IN_CATEGORY, Reason.SAME_PRIMARY_TAG);
              result.add(new Related(other.doc().id(), s.score, reasons, s.sharedTags));
            });
  }

  private Set<Long> candidates(Entry self) {
    Map<String, Double> weights = vector(self);
    List<String> heaviest =
        weights.entrySet().stream()
            .sorted(
                Map.Entry.<String, Double>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(QUERY_TERMS)
            .map(Map.Entry::getKey)
            .toList();
    Map<Long, Double> partial = new HashMap<>();
    for (String term : heaviest) {
      double w = weights.get(term);
      for (long other : termPostings.getOrDefault(term, Set.of())) {
        if (other != self.doc().id()) {
          partial.merge(other, w * vector(entries.get(other)).get(term), Double::sum);
        }
      }
    }
    Set<Long> candidates = new TreeSet<>();
    partial.entrySet().stream()
        .sorted(
            Map.Entry.<Long, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TEXT_CANDIDATES)
        .forEach(e -> candidates.add(e.getKey()));
    List<Scored> byTags = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (long tag : self.doc().tagIds()) {
      for (long other : tagPostings.getOrDefault(tag, Set.of())) {
        if (other != self.doc().id() && seen.add(other)) {
          Entry e = entries.get(other);
          byTags.add(
              new Scored(other, tagScore(self, e), e.doc().publishedAt(), Set.of(), List.of()));
        }
      }
    }
    byTags.sort(ORDER);
    byTags.stream().limit(TAG_CANDIDATES).forEach(s -> candidates.add(s.id()));
    return candidates;
  }

  private record Scored(
      long id,
      double score,
      java.time.OffsetDateTime publishedAt,
      Set<Reason> reasons,
      List<Long> sharedTags) {
    Related toRelated() {
      return new Related(id, score, reasons, sharedTags);
    }
  }

  private static final Comparator<Scored> ORDER =
      Comparator.comparingDouble((Scored s) -> s.score)
          .reversed()
          .thenComparing(Scored::publishedAt, Comparator.reverseOrder())
          .thenComparingLong(Scored::id);

  private Scored score(Entry self, Entry other) {
    double tags = tagScore(self, other);
    double text = cosine(self, other);
    boolean sameAuthor =
        self.doc().authorSlug() != null && self.doc().authorSlug().equals(other.doc().authorSlug());
    double score =
        tuning.tagWeight() * tags
            + (1 - tuning.tagWeight()) * text
            + (sameAuthor ? AUTHOR_WEIGHT : 0);
    score = Math.min(1.0, Math.round(score * 1_000_000) / 1_000_000.0);
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    List<Long> shared = sharedTags(self, other.doc().id());
    if (!shared.isEmpty()) {
      reasons.add(Reason.SHARED_TAG);
    }
    Long primary = self.doc().primaryTagId();
    if (primary != null && primary.equals(other.doc().primaryTagId())) {
      reasons.add(Reason.SAME_PRIMARY_TAG);
    }
    if (text >= SIMILAR_TEXT) {
      reasons.add(Reason.SIMILAR_TEXT);
    }
    if (sameAuthor) {
      reasons.add(Reason.SAME_AUTHOR);
    }
    return new Scored(other.doc().id(), score, other.doc().publishedAt(), reasons, shared);
  }

  /**
   * What the score of {@code otherId} in the list of {@code selfId} is made of, for people who tune
   * the ranking; null when either is not in the blog.
   */
  public synchronized Explanation explain(long selfId, long otherId) {
    Entry self = entries.get(selfId);
    Entry other = entries.get(otherId);
    if (self == null || other == null) {
      return null;
    }
    Long primary = self.doc().primaryTagId();
    boolean samePrimary = primary != null && primary.equals(other.doc().primaryTagId());
    List<TagPart> parts =
        sharedTags(self, otherId).stream()
            .map(t -> new TagPart(t, rarity(t), coherence(t), samePrimary && t.equals(primary)))
            .toList();
    Scored s = score(self, other);
    return new Explanation(
        s.score,
        tagScore(self, other),
        cosine(self, other),
        s.reasons.contains(Reason.SAME_AUTHOR),
        parts);
  }

  /**
   * The parts of a score: {@code tags} (0–1, weighted by the engine's tag weight), {@code text}
   * (the cosine, weighted by the text weight) and the shared tags with what each is worth.
   */
  public record Explanation(
      double score, double tags, double text, boolean sameAuthor, List<TagPart> sharedTags) {}

  /**
   * A shared tag's worth: rarity (IDF) times coherence; {@code primaryOfBoth} when it is the
   * primary tag of both posts (then it counts twice).
   */
  public record TagPart(long tagId, double rarity, double coherence, boolean primaryOfBoth) {}

  private List<Long> sharedTags(Entry self, long other) {
    List<Long> theirs = entries.get(other).doc().tagIds();
    return self.doc().tagIds().stream().filter(theirs::contains).toList();
  }

  /**
   * The weight of the shared tags (the primary tag once more when it is shared too), on a 0–1 scale
   * that saturates: one coherent, rare shared tag already means a lot.
   */
  private double tagScore(Entry self, Entry other) {
    double shared = 0;
    for (long tag : self.doc().tagIds()) {
      if (other.doc().tagIds().contains(tag)) {
        shared += tagIdf(tag);
      }
    }
    Long primary = self.doc().primaryTagId();
    if (primary != null && primary.equals(other.doc().primaryTagId())) {
      shared += tagIdf(primary);
    }
    return shared / (shared + TAG_SATURATION);
  }

  /**
   * How much sharing this tag says: its rarity (IDF) times its coherence, so a tag spread over
   * posts about unrelated things ("Beginners") counts less than one whose posts read alike.
   */
  private double tagIdf(long tag) {
    return rarity(tag) * coherence(tag);
  }

  private double rarity(long tag) {
    int df = tagPostings.getOrDefault(tag, Set.of()).size();
    return Math.log((entries.size() + 1.0) / (df + 1.0)) + 1.0;
  }

  private double coherence(long tag) {
    return worth(tag).coherence();
  }

  /** What a tag says about its posts, computed once per state of the blog. */
  public synchronized TagWorth worth(long tag) {
    if (worths == null) {
      worths = tagWorths();
    }
    return worths.getOrDefault(tag, new TagWorth(tag, 0, 0, 0, 0, 0, 1.0));
  }

  /**
   * What a tag says: {@code alike}, how much more alike its posts read than any two posts of the
   * blog (1 − blog's mean cosine / the tag's, at least 0; 1 for a tag of one post); {@code
   * categoryShare}, the share of its posts whose primary tag it is; {@code split}, the share of its
   * pairs of posts that other, more coherent tags not nested in it keep apart (a generic tag such
   * as "Ideas" on a programming and a cooking post); and the resulting {@code coherence} (0–1).
   */
  public record TagWorth(
      long tagId,
      int posts,
      double rarity,
      double alike,
      double categoryShare,
      double split,
      double coherence) {}

  private Map<Long, TagWorth> tagWorths() {
    double blog = meanPairwiseCosine(entries.keySet());
    Map<Long, Double> alike = new HashMap<>();
    tagPostings.forEach(
        (tag, members) -> {
          int n = members.size();
          double own = n < 2 ? 1.0 : meanPairwiseCosine(members);
          double pairs = n * (n - 1) / 2.0;
          double lift = n < 2 ? 1.0 : own <= 0 ? 0 : Math.max(0, 1 - blog / own);
          alike.put(tag, n < 2 ? 1.0 : lift * pairs / (pairs + 1)); // one pair says little
        });
    Map<Long, TagWorth> result = new HashMap<>();
    tagPostings.forEach(
        (tag, members) -> {
          long primaries =
              members.stream().filter(m -> tag.equals(entries.get(m).doc().primaryTagId())).count();
          double share = (double) primaries / members.size();
          double split = split(tag, members, alike);
          double a = alike.get(tag);
          double coherence =
              members.size() < 2
                  ? 1.0
                  : Math.max(a, tuning.categoryFloor() * Math.pow(share, CATEGORY_SHARPNESS))
                      * (1 - split);
          result.put(
              tag, new TagWorth(tag, members.size(), rarity(tag), a, share, split, coherence));
        });
    return result;
  }

  /**
   * The share of the tag's pairs of posts that other tags keep apart. Each post may belong to
   * another, clearly more coherent tag that is mostly used outside this one (so a narrower tag
   * inside a category, "Compost" in "Gardening", never counts); a pair is apart when one of its
   * posts belongs to such a tag and the other post does not carry it ("Ideas" on a programming and
   * a cooking post). Large tags are judged on their first {@link #SPLIT_SAMPLE} posts.
   */
  private double split(long tag, Set<Long> members, Map<Long, Double> alike) {
    List<Long> sample = members.stream().limit(SPLIT_SAMPLE).toList();
    int n = sample.size();
    if (n < 2) {
      return 0;
    }
    double own = alike.get(tag);
    Long[] belongs = new Long[n];
    for (int i = 0; i < n; i++) {
      for (long other : entries.get(sample.get(i)).doc().tagIds()) {
        if (other == tag || alike.get(other) < own + tuning.splitMargin()) {
          continue;
        }
        Set<Long> theirs = tagPostings.get(other);
        long inside = theirs.stream().filter(members::contains).count();
        if (theirs.size() - inside >= inside
            && (belongs[i] == null || alike.get(other) > alike.get(belongs[i]))) {
          belongs[i] = other;
        }
      }
    }
    int apart = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (apart(belongs[i], sample.get(j)) || apart(belongs[j], sample.get(i))) {
          apart++;
        }
      }
    }
    return apart / (n * (n - 1) / 2.0);
  }

  private boolean apart(Long belongs, long other) {
    return belongs != null && !entries.get(other).doc().tagIds().contains(belongs);
  }

  /** Mean cosine over all pairs of the given posts, from the length of their summed vectors. */
  private double meanPairwiseCosine(Collection<Long> ids) {
    Map<String, Double> sum = new HashMap<>();
    int n = 0;
    for (long id : ids) {
      Map<String, Double> v = vector(entries.get(id));
      if (!v.isEmpty()) {
        n++;
        v.forEach((term, w) -> sum.merge(term, w, Double::sum));
      }
    }
    if (n < 2) {
      return 0;
    }
    double squared = sum.values().stream().mapToDouble(v -> v * v).sum();
    return (squared - n) / ((double) n * (n - 1));
  }

  private double cosine(Entry a, Entry b) {
    Map<String, Double> small = vector(a);
    Map<String, Double> large = vector(b);
    if (small.size() > large.size()) {
      Map<String, Double> swap = small;
      small = large;
      large = swap;
    }
    double dot = 0;
    for (Map.Entry<String, Double> t : small.entrySet()) {
      Double w = large.get(t.getKey());
      if (w != null) {
        dot += t.getValue() * w;
      }
    }
    return Math.min(1.0, dot);
  }

  /** The post's TF-IDF vector, of length 1; computed once per state of the blog. */
  private Map<String, Double> vector(Entry entry) {
    return vectors.computeIfAbsent(
        entry.doc().id(),
        id -> {
          Map<String, Double> v = new HashMap<>();
          double sum = 0;
          for (Map.Entry<String, Integer> t : entry.termFrequencies().entrySet()) {
            double w = tfWeight(t.getValue()) * termIdf(t.getKey());
            v.put(t.getKey(), w);
            sum += w * w;
          }
          double norm = Math.sqrt(sum);
          if (norm > 0) {
            v.replaceAll((term, w) -> w / norm);
          }
          return v;
        });
  }

  private double termIdf(String term) {
    int df = termPostings.getOrDefault(term, Set.of()).size();
    return Math.log((entries.size() + 1.0) / (df + 1.0)) + 1.0;
  }

  private static double tfWeight(int tf) {
    return 1 + Math.log(tf);
  }

  private void count(String text, Map<String, Integer> tf) {
    if (text == null || text.isBlank()) {
      return;
    }
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (term.length() > 1) {
          tf.merge(term.toString(), 1, Integer::sum);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void removePosting(Map<?, Set<Long>> postings, Object key, long id) {
    Set<Long> ids = postings.get(key);
    if (ids != null) {
      ids.remove(id);
      if (ids.isEmpty()) {
        postings.remove(key);
      }
    }
  }
}
