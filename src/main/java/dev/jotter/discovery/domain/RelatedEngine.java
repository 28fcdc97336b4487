package dev.jotter.discovery.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * <p>Sized for large blogs: each post is held as sorted word ids with their counts (no text), and
 * the blog-wide measures — each word's rarity, each post's vector length, each tag's worth, and for
 * each word the {@value #IMPACT_KEPT} posts it weighs most in — form a <em>model</em> compiled once
 * ({@link #compile()}). Candidates come from the post's {@value #QUERY_TERMS} heaviest words' lists
 * and the newest {@value #TAG_SCAN} posts of each of its tags, so one list costs the same in a blog
 * of 1,000 posts as in one of 100,000. A change ({@link #put}, {@link #remove}) patches the model
 * (the post enters or leaves the word lists; the blog-wide measures stay as compiled), so the lists
 * computed after it drift a little from a full rebuild's until the next {@link #compile()}, after
 * which they are exactly those of an engine built at once from the same posts.
 *
 * <p>Safe for concurrent use: lists are computed in parallel under a read lock; changes and
 * compiling take the write lock.
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
  static final int QUERY_TERMS = 25;

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

  /** For each word, how many of the posts it weighs most in are kept as candidates. */
  static final int IMPACT_KEPT = 128;

  /** For each tag, how many of its newest posts are looked at for candidates. */
  static final int TAG_SCAN = 500;

  /**
   * The share of the blog that may change before the model is compiled again (at the next list): a
   * blog of fewer than 100 posts is compiled after every change, one of 100,000 after 1,000.
   */
  static final double STALE_SHARE = 0.01;

  /** 1 + ln(tf), for counts up to {@link Short#MAX_VALUE}. */
  private static final double[] TF_WEIGHT = new double[Short.MAX_VALUE + 1];

  static {
    for (int tf = 1; tf < TF_WEIGHT.length; tf++) {
      TF_WEIGHT[tf] = 1 + Math.log(tf);
    }
  }

  private static final Comparator<Post> NEWEST_FIRST =
      Comparator.comparing((Post p) -> p.publishedAt).reversed().thenComparingLong(p -> p.id);

  private final Tuning tuning;
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Lock read = lock.readLock();
  private final Lock write = lock.writeLock();

  private final Map<String, Integer> termIds = new HashMap<>();
  private final List<String> terms = new ArrayList<>();
  private int[] df = new int[1024];

  private final Map<Long, Post> posts = new HashMap<>();
  private final Map<Long, TreeSet<Post>> tagPostings = new HashMap<>();
  private int nextSlot;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  /** The blog-wide measures; null until compiled (the first list compiles it). */
  private Model model;

  /** Posts added, changed or removed since the model was compiled. */
  private int changedSinceCompile;

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

  /** A post as the engine holds it: no text, its words as sorted ids with their counts. */
  private static final class Post {
    final long id;
    final long[] tags;
    final String author;
    final OffsetDateTime publishedAt;
    final int[] terms;
    final short[] counts;
    final int slot;

    /** The length of its TF-IDF vector, as the model weighs words. */
    double norm;

    Post(Doc doc, int[] terms, short[] counts, int slot) {
      this.id = doc.id();
      this.tags = doc.tagIds().stream().mapToLong(Long::longValue).toArray();
      this.author = doc.authorSlug();
      this.publishedAt = doc.publishedAt();
      this.terms = terms;
      this.counts = counts;
      this.slot = slot;
    }

    Long primaryTag() {
      return tags.length == 0 ? null : tags[0];
    }

    boolean hasTag(long tag) {
      for (long t : tags) {
        if (t == tag) {
          return true;
        }
      }
      return false;
    }

    /** The count of the word in this post, 0 when absent. */
    int count(int term) {
      int i = Arrays.binarySearch(terms, term);
      return i < 0 ? 0 : counts[i];
    }
  }

  /** A post's words, counted: what {@link #put} analyses before it takes the lock. */
  private record Analysed(Doc doc, TreeMap<String, Integer> counts) {}

  /** The blog-wide measures, as of the last compile, patched by each change since. */
  private static final class Model {
    final int posts;
    double[] idf;
    Post[][] impact;
    final double blogCosine;
    final Map<Long, Double> alike = new HashMap<>();
    final Map<Long, TagWorth> worths = new HashMap<>();

    Model(int posts, double[] idf, Post[][] impact, double blogCosine) {
      this.posts = posts;
      this.idf = idf;
      this.impact = impact;
      this.blogCosine = blogCosine;
    }
  }

  /** Per-thread arrays for summing candidates' partial scores. */
  private static final class Scratch {
    double[] partial = new double[0];
    Post[] bySlot = new Post[0];
    int[] touched = new int[0];
    double[] sum = new double[0];
    int[] sumTouched = new int[0];

    void fit(int slots, int vocabulary) {
      if (partial.length < slots) {
        int size = Math.max(slots, partial.length * 2);
        partial = new double[size];
        bySlot = new Post[size];
        touched = new int[size];
      }
      if (sum.length < vocabulary) {
        int size = Math.max(vocabulary, sum.length * 2);
        sum = new double[size];
        sumTouched = new int[size];
      }
    }
  }

  /** Adds a post, or replaces it with its new content. */
  public void put(Doc doc) {
    Analysed analysed = analyse(doc);
    write.lock();
    try {
      insert(analysed);
    } finally {
      write.unlock();
    }
  }

  /**
   * Adds many posts at once (a blog loaded at start), analysing their words on every core first.
   */
  public void putAll(Collection<Doc> docs) {
    List<Analysed> analysed = docs.parallelStream().map(this::analyse).toList();
    write.lock();
    try {
      analysed.forEach(this::insert);
    } finally {
      write.unlock();
    }
  }

  /** Forgets a post (unpublished or deleted). */
  public void remove(long id) {
    write.lock();
    try {
      // its slot is not reused: a post published again gets a new one
      if (delete(id) != null) {
        changedSinceCompile++;
      }
    } finally {
      write.unlock();
    }
  }

  public boolean contains(long id) {
    read.lock();
    try {
      return posts.containsKey(id);
    } finally {
      read.unlock();
    }
  }

  public Set<Long> ids() {
    read.lock();
    try {
      return new TreeSet<>(posts.keySet());
    } finally {
      read.unlock();
    }
  }

  /**
   * Recomputes the blog-wide measures from the posts as they are: afterwards every list is exactly
   * what an engine built at once from the same posts gives.
   */
  public void compile() {
    write.lock();
    try {
      model = build();
    } finally {
      write.unlock();
    }
  }

  /**
   * The posts related to {@code id}, best first, at most {@link #KEPT}: editors' pins first, never
   * the post itself, never an excluded post.
   */
  public List<Related> relatedTo(long id, List<Long> pinned, Set<Long> excluded) {
    read.lock();
    try {
      Model m = readModel();
      Post self = posts.get(id);
      if (self == null) {
        return List.of();
      }
      List<Related> result = new ArrayList<>();
      Set<Long> taken = new HashSet<>(excluded);
      taken.add(id);
      for (long pin : pinned) {
        Post other = posts.get(pin);
        if (other != null && taken.add(pin)) {
          result.add(new Related(pin, 1.0, EnumSet.of(Reason.PINNED), sharedTags(self, other)));
        }
      }
      List<Scored> scored = new ArrayList<>();
      for (long candidate : candidates(m, self)) {
        if (!taken.contains(candidate)) {
          scored.add(score(m, self, posts.get(candidate)));
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
        fillFromCategory(m, self, result, taken);
      }
      return List.copyOf(result);
    } finally {
      read.unlock();
    }
  }

  /** The posts whose related lists may change when {@code id} is added, changed or removed. */
  public Set<Long> affectedBy(long id) {
    read.lock();
    try {
      Model m = readModel();
      Post self = posts.get(id);
      return self == null ? Set.of() : candidates(m, self);
    } finally {
      read.unlock();
    }
  }

  /**
   * What the score of {@code otherId} in the list of {@code selfId} is made of, for people who tune
   * the ranking; null when either is not in the blog.
   */
  public Explanation explain(long selfId, long otherId) {
    read.lock();
    try {
      Model m = readModel();
      Post self = posts.get(selfId);
      Post other = posts.get(otherId);
      if (self == null || other == null) {
        return null;
      }
      Long primary = self.primaryTag();
      boolean samePrimary = primary != null && primary.equals(other.primaryTag());
      List<TagPart> parts =
          sharedTags(self, other).stream()
              .map(
                  t -> {
                    TagWorth w = worth(m, t);
                    return new TagPart(
                        t, w.rarity(), w.coherence(), samePrimary && t.equals(primary));
                  })
              .toList();
      Scored s = score(m, self, other);
      return new Explanation(
          s.score,
          tagScore(m, self, other),
          cosine(m, self, other),
          s.reasons.contains(Reason.SAME_AUTHOR),
          parts);
    } finally {
      read.unlock();
    }
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

  /**
   * What a tag says: {@code alike}, how much more alike its posts read than any two posts of the
   * blog (1 − blog's mean cosine / the tag's, at least 0; for a tag of two posts, one pair, half of
   * that; 1 for a tag of one post); {@code categoryShare}, the share of its posts whose primary tag
   * it is; {@code split}, the share of its pairs of posts that other, more coherent tags not nested
   * in it keep apart (a generic tag such as "Ideas" on a programming and a cooking post); and the
   * resulting {@code coherence} (0–1).
   */
  public record TagWorth(
      long tagId,
      int posts,
      double rarity,
      double alike,
      double categoryShare,
      double split,
      double coherence) {}

  /** What a tag is worth in the model. */
  public TagWorth worth(long tag) {
    read.lock();
    try {
      Model m = readModel();
      return worth(m, tag);
    } finally {
      read.unlock();
    }
  }

  private TagWorth worth(Model m, long tag) {
    TagWorth w = m.worths.get(tag);
    return w != null ? w : new TagWorth(tag, 0, 0, 0, 0, 0, 1.0);
  }

  // --- changes ---

  private Analysed analyse(Doc doc) {
    TreeMap<String, Integer> tf = new TreeMap<>();
    count(doc.title(), tf);
    count(doc.title(), tf); // the title weighs double
    count(doc.headings(), tf);
    count(doc.text(), tf);
    return new Analysed(doc, tf);
  }

  private void insert(Analysed analysed) {
    Post old = delete(analysed.doc().id());
    changedSinceCompile++;
    int[] ids = new int[analysed.counts().size()];
    short[] counts = new short[ids.length];
    int i = 0;
    for (Map.Entry<String, Integer> e : analysed.counts().entrySet()) {
      ids[i] = termId(e.getKey());
      counts[i] = (short) Math.min(Short.MAX_VALUE, e.getValue());
      i++;
    }
    sortTogether(ids, counts);
    Post post = new Post(analysed.doc(), ids, counts, old != null ? old.slot : nextSlot++);
    posts.put(post.id, post);
    for (int term : ids) {
      df[term]++;
    }
    Set<Long> newTags = new TreeSet<>();
    for (long tag : post.tags) {
      tagPostings.computeIfAbsent(tag, k -> new TreeSet<>(NEWEST_FIRST)).add(post);
      if (model != null && !model.worths.containsKey(tag)) {
        newTags.add(tag);
      }
    }
    if (model != null) {
      post.norm = norm(model, post);
      for (int term : ids) {
        enter(model, term, post);
      }
      newTags.forEach(tag -> model.worths.put(tag, tagWorth(model, tag)));
    }
  }

  /** Takes the post out; returns it, or null. */
  private Post delete(long id) {
    Post old = posts.remove(id);
    if (old == null) {
      return null;
    }
    for (int term : old.terms) {
      df[term]--;
      if (model != null && term < model.impact.length && model.impact[term] != null) {
        Post[] list = model.impact[term];
        int at = indexOf(list, old);
        if (at >= 0) {
          Post[] shorter = new Post[list.length - 1];
          System.arraycopy(list, 0, shorter, 0, at);
          System.arraycopy(list, at + 1, shorter, at, list.length - at - 1);
          model.impact[term] = shorter;
        }
      }
    }
    for (long tag : old.tags) {
      TreeSet<Post> members = tagPostings.get(tag);
      if (members != null) {
        members.remove(old);
        if (members.isEmpty()) {
          tagPostings.remove(tag);
        }
      }
    }
    return old;
  }

  /** Puts the post into the word's list of heaviest posts, if it is among them. */
  private void enter(Model m, int term, Post post) {
    if (term >= m.impact.length) {
      m.impact = Arrays.copyOf(m.impact, Math.max(term + 1, m.impact.length * 2));
    }
    Post[] list = m.impact[term] == null ? new Post[0] : m.impact[term];
    double value = impact(post, term);
    int at = 0;
    while (at < list.length && heavier(list[at], impact(list[at], term), post, value)) {
      at++;
    }
    if (at >= IMPACT_KEPT) {
      return;
    }
    Post[] longer = new Post[Math.min(IMPACT_KEPT, list.length + 1)];
    System.arraycopy(list, 0, longer, 0, at);
    longer[at] = post;
    System.arraycopy(list, at, longer, at + 1, longer.length - at - 1);
    m.impact[term] = longer;
  }

  private int termId(String term) {
    Integer id = termIds.get(term);
    if (id != null) {
      return id;
    }
    int next = terms.size();
    termIds.put(term, next);
    terms.add(term);
    if (next >= df.length) {
      df = Arrays.copyOf(df, df.length * 2);
    }
    return next;
  }

  // --- the model ---

  /** The model, compiled first if need be; called holding the read lock, returns holding it. */
  private Model readModel() {
    if (stale()) {
      read.unlock();
      write.lock();
      try {
        if (stale()) {
          model = build();
        }
      } finally {
        write.unlock();
        read.lock();
      }
    }
    return model;
  }

  private boolean stale() {
    return model == null || changedSinceCompile > STALE_SHARE * posts.size();
  }

  private Model build() {
    changedSinceCompile = 0;
    int n = posts.size();
    double[] idf = new double[terms.size()];
    for (int t = 0; t < idf.length; t++) {
      idf[t] = Math.log((n + 1.0) / (df[t] + 1.0)) + 1.0;
    }
    Model m = new Model(n, idf, new Post[terms.size()][], 0);
    posts.values().parallelStream().forEach(p -> p.norm = norm(m, p));
    buildImpact(m);
    Model compiled = new Model(n, idf, m.impact, meanPairwiseCosine(m, posts.values()));
    tagPostings.forEach((tag, members) -> compiled.alike.put(tag, alike(compiled, members)));
    tagPostings.keySet().forEach(tag -> compiled.worths.put(tag, tagWorth(compiled, tag)));
    return compiled;
  }

  /** For each word, the {@link #IMPACT_KEPT} posts it weighs most in, heaviest first. */
  private void buildImpact(Model m) {
    int vocabulary = terms.size();
    Post[][] heaps = new Post[vocabulary][];
    double[][] values = new double[vocabulary][];
    int[] sizes = new int[vocabulary];
    for (Post p : posts.values()) {
      for (int i = 0; i < p.terms.length; i++) {
        int t = p.terms[i];
        if (heaps[t] == null) {
          int capacity = Math.min(IMPACT_KEPT, df[t]);
          heaps[t] = new Post[capacity];
          values[t] = new double[capacity];
        }
        offer(heaps[t], values[t], sizes, t, p, TF_WEIGHT[p.counts[i]] / p.norm);
      }
    }
    for (int t = 0; t < vocabulary; t++) {
      if (heaps[t] == null) {
        continue;
      }
      Integer[] order = new Integer[sizes[t]];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Post[] heap = heaps[t];
      double[] value = values[t];
      Arrays.sort(
          order,
          (a, b) -> heavier(heap[a], value[a], heap[b], value[b]) ? -1 : a.equals(b) ? 0 : 1);
      Post[] list = new Post[order.length];
      for (int i = 0; i < order.length; i++) {
        list[i] = heap[order[i]];
      }
      m.impact[t] = list;
    }
  }

  /** A bounded min-heap (lightest on top) of the heaviest posts for one word. */
  private static void offer(Post[] heap, double[] value, int[] sizes, int t, Post p, double v) {
    int size = sizes[t];
    if (size < heap.length) {
      int i = size++;
      sizes[t] = size;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (!heavier(heap[parent], value[parent], p, v)) {
          break;
        }
        heap[i] = heap[parent];
        value[i] = value[parent];
        i = parent;
      }
      heap[i] = p;
      value[i] = v;
      return;
    }
    if (!heavier(p, v, heap[0], value[0])) {
      return;
    }
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size
          && heavier(heap[child], value[child], heap[child + 1], value[child + 1])) {
        child++;
      }
      if (!heavier(p, v, heap[child], value[child])) {
        break;
      }
      heap[i] = heap[child];
      value[i] = value[child];
      i = child;
    }
    heap[i] = p;
    value[i] = v;
  }

  /** The order of a word's list: heavier first, then the smaller id. */
  private static boolean heavier(Post a, double va, Post b, double vb) {
    return va > vb || (va == vb && a.id < b.id);
  }

  /** How much the word weighs in the post, without the word's rarity (the same for all posts). */
  private static double impact(Post p, int term) {
    return TF_WEIGHT[p.count(term)] / p.norm;
  }

  private double idf(Model m, int term) {
    return term < m.idf.length
        ? m.idf[term]
        : Math.log((posts.size() + 1.0) / (df[term] + 1.0)) + 1.0;
  }

  private double norm(Model m, Post p) {
    double sum = 0;
    for (int i = 0; i < p.terms.length; i++) {
      double w = TF_WEIGHT[p.counts[i]] * idf(m, p.terms[i]);
      sum += w * w;
    }
    return sum > 0 ? Math.sqrt(sum) : 1.0;
  }

  private double weight(Model m, Post p, int i) {
    return TF_WEIGHT[p.counts[i]] * idf(m, p.terms[i]) / p.norm;
  }

  // --- candidates and scores ---

  private Set<Long> candidates(Model m, Post self) {
    Scratch s = scratch.get();
    s.fit(nextSlot, terms.size());
    Integer[] order = new Integer[self.terms.length];
    double[] w = new double[self.terms.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      w[i] = weight(m, self, i);
    }
    Arrays.sort(
        order,
        (a, b) ->
            w[a] != w[b]
                ? Double.compare(w[b], w[a])
                : terms.get(self.terms[a]).compareTo(terms.get(self.terms[b])));
    int touched = 0;
    for (int k = 0; k < Math.min(QUERY_TERMS, order.length); k++) {
      int i = order[k];
      int term = self.terms[i];
      Post[] list = term < m.impact.length ? m.impact[term] : null;
      if (list == null) {
        continue;
      }
      double idf = idf(m, term);
      for (Post other : list) {
        if (other == self) {
          continue;
        }
        if (s.bySlot[other.slot] != other) {
          s.bySlot[other.slot] = other;
          s.partial[other.slot] = 0;
          s.touched[touched++] = other.slot;
        }
        s.partial[other.slot] += w[i] * TF_WEIGHT[other.count(term)] * idf / other.norm;
      }
    }
    List<Post> byText = new ArrayList<>(touched);
    for (int k = 0; k < touched; k++) {
      byText.add(s.bySlot[s.touched[k]]);
    }
    double[] partial = s.partial;
    byText.sort(
        Comparator.comparingDouble((Post p) -> -partial[p.slot]).thenComparingLong(p -> p.id));
    Set<Long> candidates = new TreeSet<>();
    byText.stream().limit(TEXT_CANDIDATES).forEach(p -> candidates.add(p.id));
    for (int k = 0; k < touched; k++) {
      s.bySlot[s.touched[k]] = null;
    }
    List<Scored> byTags = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (long tag : self.tags) {
      int scanned = 0;
      for (Post other : tagPostings.getOrDefault(tag, EMPTY)) {
        if (scanned++ >= TAG_SCAN) {
          break;
        }
        if (other != self && seen.add(other.id)) {
          byTags.add(
              new Scored(
                  other.id, tagScore(m, self, other), other.publishedAt, Set.of(), List.of()));
        }
      }
    }
    byTags.sort(ORDER);
    byTags.stream().limit(TAG_CANDIDATES).forEach(sc -> candidates.add(sc.id()));
    return candidates;
  }

  private static final TreeSet<Post> EMPTY = new TreeSet<>(NEWEST_FIRST);

  private void fillFromCategory(Model m, Post self, List<Related> result, Set<Long> taken) {
    Long primary = self.primaryTag();
    if (primary == null) {
      return;
    }
    for (Post other : tagPostings.getOrDefault(primary, EMPTY)) {
      if (result.size() >= FALLBACK_FILL) {
        break;
      }
      if (!taken.contains(other.id) && primary.equals(other.primaryTag())) {
        Scored s = score(m, self, other);
        Set<Reason> reasons = EnumSet.of(Reason.NEWEST_IN_CATEGORY, Reason.SAME_PRIMARY_TAG);
        result.add(new Related(other.id, s.score, reasons, s.sharedTags));
      }
    }
  }

  private record Scored(
      long id,
      double score,
      OffsetDateTime publishedAt,
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

  private Scored score(Model m, Post self, Post other) {
    double tags = tagScore(m, self, other);
    double text = cosine(m, self, other);
    boolean sameAuthor = self.author != null && self.author.equals(other.author);
    double score =
        tuning.tagWeight() * tags
            + (1 - tuning.tagWeight()) * text
            + (sameAuthor ? AUTHOR_WEIGHT : 0);
    score = Math.min(1.0, Math.round(score * 1_000_000) / 1_000_000.0);
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    List<Long> shared = sharedTags(self, other);
    if (!shared.isEmpty()) {
      reasons.add(Reason.SHARED_TAG);
    }
    Long primary = self.primaryTag();
    if (primary != null && primary.equals(other.primaryTag())) {
      reasons.add(Reason.SAME_PRIMARY_TAG);
    }
    if (text >= SIMILAR_TEXT) {
      reasons.add(Reason.SIMILAR_TEXT);
    }
    if (sameAuthor) {
      reasons.add(Reason.SAME_AUTHOR);
    }
    return new Scored(other.id, score, other.publishedAt, reasons, shared);
  }

  private static List<Long> sharedTags(Post self, Post other) {
    List<Long> shared = new ArrayList<>();
    for (long tag : self.tags) {
      if (other.hasTag(tag)) {
        shared.add(tag);
      }
    }
    return shared;
  }

  /**
   * The weight of the shared tags (the primary tag once more when it is shared too), on a 0–1 scale
   * that saturates: one coherent, rare shared tag already means a lot.
   */
  private double tagScore(Model m, Post self, Post other) {
    double shared = 0;
    for (long tag : self.tags) {
      if (other.hasTag(tag)) {
        shared += tagIdf(m, tag);
      }
    }
    Long primary = self.primaryTag();
    if (primary != null && primary.equals(other.primaryTag())) {
      shared += tagIdf(m, primary);
    }
    return shared / (shared + TAG_SATURATION);
  }

  /**
   * How much sharing this tag says: its rarity (IDF) times its coherence, so a tag spread over
   * posts about unrelated things ("Beginners") counts less than one whose posts read alike.
   */
  private double tagIdf(Model m, long tag) {
    TagWorth w = worth(m, tag);
    return w.rarity() * w.coherence();
  }

  private double cosine(Model m, Post a, Post b) {
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < a.terms.length && j < b.terms.length) {
      int ta = a.terms[i];
      int tb = b.terms[j];
      if (ta == tb) {
        dot += weight(m, a, i) * weight(m, b, j);
        i++;
        j++;
      } else if (ta < tb) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1.0, dot);
  }

  // --- what tags are worth ---

  private double alike(Model m, Collection<Post> members) {
    int n = members.size();
    if (n < 2) {
      return 1.0;
    }
    double own = meanPairwiseCosine(m, members);
    double pairs = n * (n - 1) / 2.0;
    double lift = own <= 0 ? 0 : Math.max(0, 1 - m.blogCosine / own);
    return lift * pairs / (pairs + 1); // one pair says little
  }

  private TagWorth tagWorth(Model m, long tag) {
    TreeSet<Post> members = tagPostings.getOrDefault(tag, EMPTY);
    if (!m.alike.containsKey(tag)) {
      m.alike.put(tag, alike(m, members));
    }
    int n = members.size();
    double rarity = Math.log((m.posts + 1.0) / (n + 1.0)) + 1.0;
    long primaries = members.stream().filter(p -> p.primaryTag() == tag).count();
    double share = n == 0 ? 0 : (double) primaries / n;
    double split = split(m, tag, members);
    double a = m.alike.get(tag);
    double coherence =
        n < 2
            ? 1.0
            : Math.max(a, tuning.categoryFloor() * Math.pow(share, CATEGORY_SHARPNESS))
                * (1 - split);
    return new TagWorth(tag, n, rarity, a, share, split, coherence);
  }

  /**
   * The share of the tag's pairs of posts that other tags keep apart. Each post may belong to
   * another, clearly more coherent tag that is mostly used outside this one (so a narrower tag
   * inside a category, "Compost" in "Gardening", never counts); a pair is apart when one of its
   * posts belongs to such a tag and the other post does not carry it ("Ideas" on a programming and
   * a cooking post). Large tags are judged on their newest {@link #SPLIT_SAMPLE} posts.
   */
  private double split(Model m, long tag, TreeSet<Post> members) {
    List<Post> sample = members.stream().limit(SPLIT_SAMPLE).toList();
    int n = sample.size();
    if (n < 2) {
      return 0;
    }
    double own = m.alike.get(tag);
    Long[] belongs = new Long[n];
    for (int i = 0; i < n; i++) {
      for (long other : sample.get(i).tags) {
        Double theirAlike = m.alike.get(other);
        if (other == tag || theirAlike == null || theirAlike < own + tuning.splitMargin()) {
          continue;
        }
        TreeSet<Post> theirs = tagPostings.getOrDefault(other, EMPTY);
        long inside = theirs.stream().filter(p -> p.hasTag(tag)).count();
        if (theirs.size() - inside >= inside
            && (belongs[i] == null || theirAlike > m.alike.get(belongs[i]))) {
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

  private static boolean apart(Long belongs, Post other) {
    return belongs != null && !other.hasTag(belongs);
  }

  /** Mean cosine over all pairs of the given posts, from the length of their summed vectors. */
  private double meanPairwiseCosine(Model m, Collection<Post> members) {
    Scratch s = scratch.get();
    s.fit(nextSlot, terms.size());
    int touched = 0;
    int n = 0;
    for (Post p : members) {
      if (p.terms.length == 0) {
        continue;
      }
      n++;
      for (int i = 0; i < p.terms.length; i++) {
        int t = p.terms[i];
        if (s.sum[t] == 0) {
          s.sumTouched[touched++] = t;
        }
        s.sum[t] += weight(m, p, i);
      }
    }
    double squared = 0;
    for (int k = 0; k < touched; k++) {
      int t = s.sumTouched[k];
      squared += s.sum[t] * s.sum[t];
      s.sum[t] = 0;
    }
    if (n < 2) {
      return 0;
    }
    return (squared - n) / ((double) n * (n - 1));
  }

  // --- words ---

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

  private static int indexOf(Post[] list, Post p) {
    for (int i = 0; i < list.length; i++) {
      if (list[i] == p) {
        return i;
      }
    }
    return -1;
  }

  /** Sorts the ids ascending, moving each count with its id. */
  private static void sortTogether(int[] ids, short[] counts) {
    long[] packed = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      packed[i] = ((long) ids[i] << 16) | (counts[i] & 0xFFFF);
    }
    Arrays.sort(packed);
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (int) (packed[i] >>> 16);
      counts[i] = (short) (packed[i] & 0xFFFF);
    }
  }
}
