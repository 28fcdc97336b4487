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
 * Usage: java -cp ... Generate.java JDBC_URL COUNT [SECTIONS]
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
    try (Connection c = DriverManager.getConnection(url, "jotter", "")) {
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
      for (int id = 1; id <= count; id++) {
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
        RenderedBody body = MarkdownRenderer.instance().render(md.toString());
        OffsetDateTime published = now.minusMinutes((long) (count - id) * 37);
        StringBuilder headings = new StringBuilder();
        body.headings().forEach(h -> headings.append(h.level()).append('\t').append(h.anchor())
            .append('\t').append(h.text()).append('\n'));
        p.setLong(1, id);
        p.setString(2, "bench-post-" + id);
        p.setString(3, title);
        p.setString(4, md.toString());
        p.setString(5, body.html());
        p.setString(6, body.text());
        p.setString(7, Excerpt.of(null, body.text()));
        p.setString(8, headings.toString());
        p.setObject(9, published);
        p.setObject(10, published);
        p.setObject(11, published);
        p.setInt(12, body.wordCount());
        p.setInt(13, ReadingTime.of(body.wordCount(), 0).minutes());
        p.addBatch();
        pa.setLong(1, id);
        pa.setLong(2, 1 + random.nextInt(5));
        pa.addBatch();
        int[] tags = {1 + topic, 21 + random.nextInt(10)};
        for (int position = 0; position < tags.length; position++) {
          pt.setLong(1, id);
          pt.setLong(2, tags[position]);
          pt.setInt(3, position);
          pt.addBatch();
        }
        if (id % 500 == 0) {
          p.executeBatch();
          pa.executeBatch();
          pt.executeBatch();
        }
      }
      p.executeBatch();
      pa.executeBatch();
      pt.executeBatch();
      try (Statement s = c.createStatement()) {
        // the ids above were chosen here: move the sequences past them
        s.execute("alter sequence post_seq restart with " + (count + 100));
        s.execute("alter sequence author_seq restart with 100");
        s.execute("alter sequence tag_seq restart with 100");
      }
      c.commit();
    }
    System.out.println("generated " + count + " published posts");
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
