import dev.jotter.discovery.domain.Doc;
import dev.jotter.discovery.domain.Related;
import dev.jotter.discovery.domain.RelatedEngine;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The related engine alone, without a server or a database: N synthetic posts made as
 * Generate.java makes them (20 topics of 60 words each, common words between, a topic tag and one
 * of ten shared tags; SECTIONS sections of 135 words), added to the engine, compiled, then every
 * post's list computed once on every core, as a full rebuild does; then N/200 (at least 20) more
 * posts published one by one as the server refreshes them. Prints the time of each step, the cost
 * per post (compile and lists), the heap the engine holds, a refresh's time, and how many top 3s
 * after those refreshes are as a full rebuild has them. Usage: java -cp target/classes:LUCENE bench/RelatedRebuild.java N [SECTIONS]
 */
public class RelatedRebuild {
  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    int sections = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int extra = Math.max(20, count / 200);
    List<Doc> all = generate(count + extra, sections);
    List<Doc> docs = all.subList(0, count);
    System.gc();
    long heapBefore = usedHeap();
    RelatedEngine engine = new RelatedEngine();
    long t0 = System.nanoTime();
    engine.putAll(docs);
    long t1 = System.nanoTime();
    engine.compile();
    long t2 = System.nanoTime();
    List<Long> ids = List.copyOf(engine.ids());
    // as DiscoveryService computes a full rebuild: every list, on every core
    Map<Long, List<Related>> lists = new java.util.concurrent.ConcurrentHashMap<>();
    ids.parallelStream().forEach(id -> lists.put(id, engine.relatedTo(id, List.of(), Set.of())));
    long t3 = System.nanoTime();
    System.gc();
    long held = usedHeap() - heapBefore;
    // incremental refreshes, as DiscoveryService.refresh does: the post, then every list it affects
    long refreshNanos = 0;
    int affected = 0;
    for (Doc doc : all.subList(count, count + extra)) {
      long r0 = System.nanoTime();
      engine.put(doc);
      Set<Long> lists2 = engine.affectedBy(doc.id());
      for (long id : lists2) {
        lists.put(id, engine.relatedTo(id, List.of(), Set.of()));
      }
      lists.put(doc.id(), engine.relatedTo(doc.id(), List.of(), Set.of()));
      refreshNanos += System.nanoTime() - r0;
      affected += lists2.size() + 1;
    }
    engine.compile();
    int same = 0;
    for (long id : engine.ids()) {
      List<Long> now = engine.relatedTo(id, List.of(), Set.of()).stream().limit(3)
          .map(Related::relatedId).toList();
      List<Long> before = lists.get(id).stream().limit(3).map(Related::relatedId).toList();
      same += now.equals(before) ? 1 : 0;
    }
    System.out.printf(
        "%,d posts: load %,d ms, compile %,d ms, lists %,d ms on %d cores (%.2f ms a post),"
            + " engine heap %,d MiB; %d refreshes: %.0f ms each (%d lists), then %.1f %% of"
            + " top 3s as a full rebuild's%n",
        count, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
        Runtime.getRuntime().availableProcessors(), (t3 - t1) / 1e6 / count,
        held / (1 << 20), extra, refreshNanos / 1e6 / extra, affected / extra,
        100.0 * same / engine.ids().size());
  }

  static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  static List<Doc> generate(int count, int sections) {
    String[] common = ("the of and to in is it that for on with as this was but be at by "
        + "not from or have an they which you one all were we there can more when what about "
        + "some time would so up out if into just like than other could then its only also "
        + "after how our well way even new want because any these give day most us").split(" ");
    Random random = new Random(42);
    List<String[]> topics = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      String[] words = new String[60];
      for (int w = 0; w < words.length; w++) {
        words[w] = word(random, 5 + random.nextInt(5));
      }
      topics.add(words);
    }
    OffsetDateTime now = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    List<Doc> docs = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      int topic = random.nextInt(20);
      String[] vocabulary = topics.get(topic);
      String title = pick(random, vocabulary) + " " + pick(random, common) + " "
          + pick(random, vocabulary) + " " + id;
      StringBuilder headings = new StringBuilder();
      StringBuilder text = new StringBuilder();
      for (int section = 0; section < sections; section++) {
        headings.append(pick(random, vocabulary)).append(' ').append(pick(random, vocabulary))
            .append('\n');
        for (int w = 0; w < 135; w++) {
          text.append(random.nextInt(3) == 0 ? pick(random, vocabulary) : pick(random, common))
              .append(' ');
        }
      }
      docs.add(new Doc(id, title, headings.toString(), text.toString(),
          List.of(1L + topic, 21L + random.nextInt(10)), "writer-" + (1 + random.nextInt(5)),
          now.minusMinutes((long) (count - id) * 37)));
    }
    return docs;
  }

  static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  static String word(Random random, int length) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < length; i++) {
      w.append((char) ('a' + random.nextInt(26)));
    }
    return w.toString();
  }
}
