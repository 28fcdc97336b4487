import dev.jotter.content.api.ReadingTime;
import dev.jotter.content.domain.Excerpt;
import dev.jotter.content.domain.MarkdownRenderer;
import dev.jotter.content.domain.RenderedBody;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a migrated, empty Jotter database with synthetic published posts for the benchmark:
 * 20 topics, each with its own vocabulary, tags shared across topics, SECTIONS sections of 135
 * words a post (default 3: ~400 words; 7: ~950).
 * Usage: java -cp ... Generate.java JDBC_URL COUNT [SECTIONS [USER PASSWORD]]
 */
public class Generate {
  static final String[] COMMON = ("the of and to in is it that for on with as this was but be at by "
      + "not from or have an they which you one all were we there can more when what about "
      + "some time would so up out if into just like than other could then its only also "
      + "after how our well way even new want because any these give day most us").split(" ");

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int count = Integer.parseInt(args[1]);
    int sections = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    long started = System.nanoTime();
    Random random = new Random(42);
    List<String[]> topics = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      String[] words = new String[60];
      for (int w = 0; w < words.length; w++) {
        words[w] = word(random, 5 + random.nextInt(5));
      }
      topics.add(words);
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String user = args.length > 4 ? args[3] : "jotter";
    String password = args.length > 4 ? args[4] : "";
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from post")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new IllegalStateException("the database is not empty");
        }
      }
      try (PreparedStatement a = c.prepareStatement("insert into author (id, slug, name, bio,"
          + " created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, 1)")) {
        for (int i = 1; i <= 5; i++) {
          a.setLong(1, i);
          a.setString(2, "writer-" + i);
          a.setString(3, "Writer " + i);
          a.setString(4, "A synthetic author for the benchmark.");
          a.setObject(5, now);
          a.setObject(6, now);
          a.addBatch();
        }
        a.executeBatch();
      }
      try (PreparedStatement t = c.prepareStatement("insert into tag (id, slug, name,"
          + " created_at, updated_at, version) values (?, ?, ?, ?, ?, 1)")) {
        for (int i = 1; i <= 30; i++) {
          t.setLong(1, i);
          t.setString(2, "topic-" + i);
          t.setString(3, "Topic " + i);
          t.setObject(4, now);
          t.setObject(5, now);
          t.addBatch();
        }
        t.executeBatch();
      }
      PreparedStatement p = c.prepareStatement("insert into post (id, slug, title, markdown, html,"
          + " plain_text, excerpt, headings, status, published_at, created_at, updated_at,"
          + " word_count, image_count, reading_minutes, version) values"
          + " (?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, 0, ?, 1)");
      PreparedStatement pa = c.prepareStatement(
          "insert into post_author (post_id, author_id, position) values (?, ?, 0)");
      PreparedStatement pt = c.prepareStatement(
          "insert into post_tag (post_id, tag_id, position) values (?, ?, ?)");
      // texts are drawn in order from one seeded Random (the same blog every run), then
      // rendered on every core, a chunk at a time, while one connection writes them
      int chunk = 1000;
      for (int first = 1; first <= count; first += chunk) {
        List<Draft> drafts = new ArrayList<>();
        for (int id = first; id < first + chunk && id <= count; id++) {
          drafts.add(draft(random, topics, id, sections));
        }
        List<Row> rows = drafts.parallelStream().map(Generate::render).toList();
        for (Row row : rows) {
          Draft d = row.draft();
          OffsetDateTime published = now.minusMinutes((long) (count - d.id()) * 37);
          p.setLong(1, d.id());
          p.setString(2, "bench-post-" + d.id());
          p.setString(3, d.title());
          p.setString(4, d.markdown());
          p.setString(5, row.body().html());
          p.setString(6, row.body().text());
          p.setString(7, Excerpt.of(null, row.body().text()));
          p.setString(8, row.headings());
          p.setObject(9, published);
          p.setObject(10, published);
          p.setObject(11, published);
          p.setInt(12, row.body().wordCount());
          p.setInt(13, ReadingTime.of(row.body().wordCount(), 0).minutes());
          p.addBatch();
          pa.setLong(1, d.id());
          pa.setLong(2, d.author());
          pa.addBatch();
          for (int position = 0; position < d.tags().length; position++) {
            pt.setLong(1, d.id());
            pt.setLong(2, d.tags()[position]);
            pt.setInt(3, position);
            pt.addBatch();
          }
        }
        p.executeBatch();
        pa.executeBatch();
        pt.executeBatch();
        if ((first - 1 + chunk) % 10_000 == 0) {
          System.out.printf("  %,d posts, %.0f s%n", first - 1 + chunk,
              (System.nanoTime() - started) / 1e9);
        }
      }
      try (Statement s = c.createStatement()) {
        // the ids above were chosen here: move the sequences past them
        s.execute("alter sequence post_seq restart with " + (count + 100));
        s.execute("alter sequence author_seq restart with 100");
        s.execute("alter sequence tag_seq restart with 100");
      }
      c.commit();
    }
    System.out.printf("generated %,d published posts (%d sections each) in %.1f s%n", count,
        sections, (System.nanoTime() - started) / 1e9);
  }

  record Draft(int id, String title, String markdown, long author, int[] tags) {}

  record Row(Draft draft, RenderedBody body, String headings) {}

  static Draft draft(Random random, List<String[]> topics, int id, int sections) {
    int topic = random.nextInt(20);
    String[] vocabulary = topics.get(topic);
    String title = cap(pick(random, vocabulary)) + " " + pick(random, COMMON) + " "
        + pick(random, vocabulary) + " " + id;
    StringBuilder md = new StringBuilder();
    for (int section = 0; section < sections; section++) {
      md.append("## ").append(cap(pick(random, vocabulary))).append(' ')
          .append(pick(random, vocabulary)).append("\n\n");
      for (int sentence = 0; sentence < 9; sentence++) {
        for (int w = 0; w < 15; w++) {
          md.append(random.nextInt(3) == 0 ? pick(random, vocabulary) : pick(random, COMMON))
              .append(w == 14 ? ". " : " ");
        }
      }
      md.append("\n\n");
    }
    long author = 1 + random.nextInt(5);
    return new Draft(id, title, md.toString(), author, new int[] {1 + topic, 21 + random.nextInt(10)});
  }

  static Row render(Draft d) {
    RenderedBody body = MarkdownRenderer.instance().render(d.markdown());
    StringBuilder headings = new StringBuilder();
    body.headings().forEach(h -> headings.append(h.level()).append('\t').append(h.anchor())
        .append('\t').append(h.text()).append('\n'));
    return new Row(d, body, headings.toString());
  }

  static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }

  static String cap(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  static String word(Random random, int length) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < length; i++) {
      w.append((char) ('a' + random.nextInt(26)));
    }
    return w.toString();
  }
}
