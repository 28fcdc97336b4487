import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Jotter's Lucene index against PostgreSQL's full-text search, on the same posts, both timed in
 * this process (no HTTP, no GraphQL): first Jotter's own SearchIndex, on the index a stopped
 * benchmark server built; then PostgreSQL, after copying the posts of that server's H2 database
 * into a scratch database (jotter_bench_search, made afresh) with a GIN index on the title
 * (weight A) and the text (weight D). Each search is what an answer needs: the top 10 and the
 * number of matches, for REQUESTS two-word searches made of the words of the newest titles (as
 * bench/Load.java does over GraphQL). Jotter matches posts with any of the words (OR); PostgreSQL
 * is timed with OR too, and with all of the words (AND, plainto_tsquery's), which is cheaper.
 * Usage: java -cp CP PgSearch.java H2_URL INDEX_DIR PG_SERVER_URL PG_USER PG_PASSWORD REQUESTS
 * (PG_SERVER_URL without a database: jdbc:postgresql://localhost:5432/)
 */
public class PgSearch {
  interface Search {
    void run(String a, String b) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String h2 = args[0];
    Path indexDir = Path.of(args[1]);
    String server = args[2];
    String pg = server + "jotter_bench_search";
    String user = args[3];
    String password = args[4];
    int requests = Integer.parseInt(args[5]);
    List<String> words = new ArrayList<>();
    try (Connection from = DriverManager.getConnection(h2, "jotter", "")) {
      try (Statement s = from.createStatement();
          ResultSet rs = s.executeQuery("select title from post where status = 'PUBLISHED'"
              + " order by published_at desc limit 100")) {
        while (rs.next()) {
          for (String w : rs.getString(1).split(" ")) {
            if (w.length() > 4 && !w.chars().allMatch(Character::isDigit)) {
              words.add(w.toLowerCase());
            }
          }
        }
      }

      // Lucene: Jotter's SearchIndex (package-private: opened by reflection, for the benchmark)
      Class<?> type = Class.forName("dev.jotter.discovery.internal.SearchIndex");
      Constructor<?> open = type.getDeclaredConstructor(Path.class);
      open.setAccessible(true);
      Method terms = type.getDeclaredMethod("terms", String.class);
      terms.setAccessible(true);
      Class<?> hit = Class.forName("dev.jotter.discovery.internal.SearchIndex$Hit");
      Method search = type.getDeclaredMethod(
          "search", Set.class, String.class, String.class, int.class, hit);
      search.setAccessible(true);
      try (AutoCloseable index = (AutoCloseable) open.newInstance(indexDir)) {
        time("Lucene (Jotter's SearchIndex), any of the words", requests, words, (a, b) ->
            search.invoke(index, terms.invoke(index, a + " " + b), null, null, 10, null));
      }

      // PostgreSQL: the same posts, a GIN index
      try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
          Statement s = admin.createStatement()) {
        s.execute("drop database if exists jotter_bench_search with (force)");
        s.execute("create database jotter_bench_search");
      }
      try (Connection to = DriverManager.getConnection(pg, user, password)) {
        try (Statement s = to.createStatement()) {
          s.execute("create table bench_post (id bigint primary key, title text, plain_text text,"
              + " doc tsvector generated always as ("
              + " setweight(to_tsvector('english', coalesce(title, '')), 'A') ||"
              + " setweight(to_tsvector('english', coalesce(plain_text, '')), 'D')) stored)");
        }
        long copyStart = System.nanoTime();
        to.setAutoCommit(false);
        int n = 0;
        try (Statement s = from.createStatement();
            ResultSet rs = s.executeQuery(
                "select id, title, plain_text from post where status = 'PUBLISHED'");
            PreparedStatement insert = to.prepareStatement(
                "insert into bench_post (id, title, plain_text) values (?, ?, ?)")) {
          while (rs.next()) {
            insert.setLong(1, rs.getLong(1));
            insert.setString(2, rs.getString(2));
            insert.setString(3, rs.getString(3));
            insert.addBatch();
            if (++n % 500 == 0) {
              insert.executeBatch();
            }
          }
          insert.executeBatch();
        }
        to.commit();
        System.out.printf("PostgreSQL: copied %d posts in %d ms (computing their tsvectors)%n", n,
            (System.nanoTime() - copyStart) / 1_000_000);
        long indexStart = System.nanoTime();
        try (Statement s = to.createStatement()) {
          s.execute("create index bench_post_doc on bench_post using gin (doc)");
          s.execute("analyze bench_post");
        }
        to.commit();
        System.out.printf("PostgreSQL: GIN index built in %d ms%n",
            (System.nanoTime() - indexStart) / 1_000_000);
        to.setAutoCommit(true);
        String any = "(plainto_tsquery('english', ?) || plainto_tsquery('english', ?))";
        String all = "(plainto_tsquery('english', ?) && plainto_tsquery('english', ?))";
        for (String[] mode : new String[][] {{"any of the words", any}, {"all of the words", all}}) {
          try (PreparedStatement top = to.prepareStatement("select id, ts_rank(doc, t.q) as rank"
                  + " from bench_post, (select " + mode[1] + " as q) t where doc @@ t.q"
                  + " order by rank desc, id limit 10");
              PreparedStatement count = to.prepareStatement(
                  "select count(*) from bench_post where doc @@ " + mode[1])) {
            time("PostgreSQL full-text search, " + mode[0], requests, words, (a, b) -> {
              top.setString(1, a);
              top.setString(2, b);
              try (ResultSet rs = top.executeQuery()) {
                while (rs.next()) {
                  rs.getLong(1);
                }
              }
              count.setString(1, a);
              count.setString(2, b);
              try (ResultSet rs = count.executeQuery()) {
                rs.next();
              }
            });
          }
        }
      }
    }
  }

  /** Times REQUESTS searches (after as many again to warm up) and prints p50 and p99. */
  static void time(String name, int requests, List<String> words, Search search)
      throws Exception {
    Random random = new Random(7);
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 2 * requests; i++) {
      String a = words.get(random.nextInt(words.size()));
      String b = words.get(random.nextInt(words.size()));
      long start = System.nanoTime();
      search.run(a, b);
      if (i >= requests) {
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    Collections.sort(millis);
    System.out.printf("%-52s p50 %.2f ms, p99 %.2f ms (%d searches, in process)%n", name,
        millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.99)), millis.size());
  }
}
