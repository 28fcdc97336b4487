import dev.jotter.discovery.domain.Doc;
import dev.jotter.discovery.domain.RelatedEngine;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The related engine alone, without a server or a database: N synthetic posts made as
 * Generate.java makes them (20 topics of 60 words each, common words between, a topic tag and one
 * of ten shared tags; SECTIONS sections of 135 words), added to the engine, then every post's list
 * computed once, as a full rebuild does. Prints the time of each step, the cost per post and the
 * heap the engine holds. Usage: java -cp target/classes:LUCENE bench/RelatedRebuild.java N [SECTIONS]
 */
public class RelatedRebuild {
  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    int sections = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Doc> docs = generate(count, sections);
    System.gc();
    long heapBefore = usedHeap();
    RelatedEngine engine = new RelatedEngine();
    long t0 = System.nanoTime();
    docs.forEach(engine::put);
    long t1 = System.nanoTime();
    long lists = 0;
    for (long id : engine.ids()) {
      lists += engine.relatedTo(id, List.of(), Set.of()).size();
    }
    long t2 = System.nanoTime();
    docs = null;
    System.gc();
    long held = usedHeap() - heapBefore;
    System.out.printf(
        "%,d posts: load %,d ms, lists %,d ms (%.2f ms a post, %,d entries), engine heap %,d MiB%n",
        count, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
        (t2 - t1) / 1e6 / count, lists, held / (1 << 20));
    if (engine.ids().isEmpty()) {
      throw new IllegalStateException();
    }
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
