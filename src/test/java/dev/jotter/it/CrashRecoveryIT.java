package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An acknowledged write survives a crash: a Jotter server of its own (a real Liberty process, on
 * the embedded H2 default and on PostgreSQL) takes concurrent writes — drafts, publishes, edits —
 * and is killed with SIGKILL in the middle of them, three times. After each restart every write the
 * API acknowledged is there, nothing is half-saved (each post has the revision of its current
 * version, its tags and its slug), and search and related lists agree with the database.
 */
class CrashRecoveryIT {

  static final int PORT = 9281;
  static final int WRITERS = 4;
  static final int CRASHES = 3;

  LibertyProcess server;
  Map<String, String> env;
  GraphQLClient client;
  StaffFixture staff;

  /** What the API acknowledged, by post id. */
  record Ack(String id, String word, boolean published, long version, String markdown) {}

  final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"H2", "PostgreSQL"})
  void everyAcknowledgedWriteSurvivesKillDashNine(String database) throws Exception {
    env = new HashMap<>(Map.of("JOTTER_DEMO_SEED", "false"));
    if (database.equals("PostgreSQL")) {
      env.putAll(TestPostgres.freshDatabase("jotter_crash"));
    }
    server = LibertyProcess.create("crash" + database, PORT, env);
    try {
      server.start();
      client = new GraphQLClient(server.base());
      staff = new StaffFixture(client);
      crashAndCheck(database.equals("H2"));
    } finally {
      server.stop();
    }
  }

  private void crashAndCheck(boolean embedded) throws Exception {
    // a blog of its own, claimed here (StaffFixture's cached tokens belong to the Arquillian
    // server)
    String token =
        answer(
                client.query(
                    "mutation($e: String!, $p: String!) { setup(email: $e, name: \"astro\","
                        + " password: $p) { token } }",
                    vars("e", StaffFixture.ADMIN_EMAIL, "p", StaffFixture.PASSWORD)),
                "setup")
            .getString("token");
    staff.data(token, "mutation { createTag(input: {name: \"Crash\", slug: \"crash\"}) { slug } }");
    Random random = new Random();
    for (int crash = 1; crash <= CRASHES; crash++) {
      int before = acknowledged.size();
      burstThenKill(token, crash, 3_000 + random.nextInt(3_000));
      server.start();
      if (embedded) {
        assertThat(server.messagesContaining("was not closed cleanly"))
            .as("the restart after crash %d scanned the database file", crash)
            .hasSize(1);
      }
      token = staff.login(StaffFixture.ADMIN_EMAIL, StaffFixture.PASSWORD);
      Check check = check(token);
      System.out.printf(
          "crash %d: acknowledged %d (%d this burst), present %d, half-saved %d%n",
          crash,
          acknowledged.size(),
          acknowledged.size() - before,
          check.present,
          check.halfSaved.size());
      assertThat(acknowledged.size())
          .as("writes acknowledged before crash " + crash)
          .isGreaterThan(before);
      assertThat(check.missing).as("acknowledged but missing after crash " + crash).isEmpty();
      assertThat(check.stale).as("acknowledged changes undone by crash " + crash).isEmpty();
      assertThat(check.halfSaved).as("half-saved after crash " + crash).isEmpty();
      assertThat(check.unsearchable)
          .as("published but not in search after crash " + crash)
          .isEmpty();
      assertThat(check.badRelated).as("related lists naming unpublished posts").isEmpty();
    }
    server.stop();
    assertThat(publishedWithoutTheirEvent(embedded))
        .as("published posts without a post-published entry in the change log")
        .isEmpty();
    System.out.printf(
        "acknowledged %d, present %d, half-saved 0%n", acknowledged.size(), acknowledged.size());
  }

  /**
   * The change log is written in the transaction of the change: every published post has its
   * post-published entry, acknowledged or not. Read from the database itself, the server stopped.
   */
  private List<Long> publishedWithoutTheirEvent(boolean embedded) throws SQLException {
    String url =
        embedded ? "jdbc:h2:file:" + server.dataDir().resolve("jotter") : env.get("JOTTER_DB_URL");
    String user = embedded ? "jotter" : env.get("JOTTER_DB_USER");
    String password = embedded ? "" : env.get("JOTTER_DB_PASSWORD");
    List<Long> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select p.id from post p where p.status = 'PUBLISHED' and not exists (select 1"
                    + " from change_log c where c.kind = 'post-published' and c.subject_id ="
                    + " p.id)")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /**
   * Writers create, publish and edit posts until the server dies under them, after killAfter ms.
   */
  private void burstThenKill(String token, int crash, long killAfterMillis) throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      String prefix = "c" + crash + "w" + w;
      writers.add(pool.submit(() -> write(token, prefix, killed)));
    }
    Thread.sleep(killAfterMillis);
    killed.set(true);
    server.kill();
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("writers stopped").isTrue();
    for (Future<?> writer : writers) {
      writer.get(); // a writer's own failure fails the test
    }
  }

  private void write(String token, String prefix, AtomicBoolean killed) {
    for (int n = 0; !killed.get(); n++) {
      String word = prefix + "n" + n + "zq"; // one word, unique, kept whole by the analyzer
      try {
        JsonObject created =
            staff.call(
                token,
                "mutation($i: PostInput!) { createDraft(input: $i) { id version } }",
                "i",
                input("Crash note " + word, "First thoughts on " + word + "."));
        JsonObject draft = answer(created, "createDraft");
        String id = draft.getString("id");
        String markdown = "First thoughts on " + word + ".";
        acknowledged.put(id, new Ack(id, word, false, version(draft), markdown));

        JsonObject published =
            staff.call(token, "mutation($id: ID!) { publishPost(id: $id) { version } }", "id", id);
        long version = version(answer(published, "publishPost"));
        acknowledged.put(id, new Ack(id, word, true, version, markdown));

        String edited = markdown + "\n\nSecond thoughts on " + word + ".";
        JsonObject saved =
            staff.call(
                token,
                "mutation($id: ID!, $v: BigInteger!, $i: PostInput!) { updatePost(id: $id,"
                    + " expectedVersion: $v, input: $i) { ... on EditSaved { post { version } } } }",
                "id",
                id,
                "v",
                version,
                "i",
                Json.createObjectBuilder().add("markdown", edited).build());
        JsonObject post = answer(saved, "updatePost").getJsonObject("post");
        acknowledged.put(id, new Ack(id, word, true, version(post), edited));
      } catch (UncheckedIOException | AssertionError e) {
        if (!killed.get()) {
          throw e;
        }
        return; // the server died under this request: its outcome is unknown, so not counted
      }
    }
  }

  /** The data of a mutation that must have succeeded. */
  private static JsonObject answer(JsonObject response, String field) {
    if (code(response) != null || !response.containsKey("data")) {
      throw new AssertionError(field + " failed: " + response);
    }
    return response.getJsonObject("data").getJsonObject(field);
  }

  private static JsonObject input(String title, String markdown) {
    return Json.createObjectBuilder()
        .add("title", title)
        .add("markdown", markdown)
        .add("tags", Json.createArrayBuilder().add("crash"))
        .build();
  }

  private static long version(JsonObject post) {
    return post.getJsonNumber("version").longValue();
  }

  static final class Check {
    int present;
    final List<String> missing = new ArrayList<>();
    final List<String> stale = new ArrayList<>();
    final List<String> halfSaved = new ArrayList<>();
    final List<String> unsearchable = new ArrayList<>();
    final List<String> badRelated = new ArrayList<>();
  }

  /** Reads every acknowledged post back over HTTP, as staff and as a reader. */
  private Check check(String token) {
    Check check = new Check();
    Set<String> publishedIds = new HashSet<>();
    for (Ack ack : acknowledged.values()) {
      JsonValue found =
          staff
              .data(
                  token,
                  "query($id: ID!) { staffPost(id: $id) { id slug title status version markdown"
                      + " tags { slug } revisions { version title markdown } } }",
                  "id",
                  ack.id())
              .get("staffPost");
      if (found.equals(JsonValue.NULL)) {
        check.missing.add(ack.id() + " (" + ack.word() + ")");
        continue;
      }
      check.present++;
      JsonObject post = found.asJsonObject();
      long version = version(post);
      boolean published = post.getString("status").equals("PUBLISHED");
      if (version < ack.version()
          || (version == ack.version() && !post.getString("markdown").equals(ack.markdown()))
          || (ack.published() && !published)) {
        check.stale.add(ack + " but found " + post);
      }
      // every content save keeps a revision in its transaction (publishing changes no content)
      boolean hasRevision =
          post.getJsonArray("revisions").getValuesAs(JsonObject.class).stream()
              .anyMatch(
                  r ->
                      r.getString("title").equals(post.getString("title"))
                          && r.getString("markdown").equals(post.getString("markdown")));
      boolean hasTag =
          post.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
              .anyMatch(t -> t.getString("slug").equals("crash"));
      JsonValue bySlug =
          client
              .data(
                  "query($s: String!) { post(slug: $s) { id } }", vars("s", post.getString("slug")))
              .get("post");
      boolean slugResolves = !published || !bySlug.equals(JsonValue.NULL);
      if (!hasRevision || !hasTag || !slugResolves) {
        check.halfSaved.add(post.toString());
      }
      if (published) {
        publishedIds.add(ack.id());
      }
    }
    for (Ack ack : acknowledged.values()) {
      if (!publishedIds.contains(ack.id())) {
        continue;
      }
      JsonObject hits =
          client.data(
              "query($q: String!) { search(query: $q, first: 5) { edges { node { post { id } } } } }",
              vars("q", ack.word()));
      boolean found =
          hits.getJsonObject("search").getJsonArray("edges").getValuesAs(JsonObject.class).stream()
              .anyMatch(
                  e ->
                      e.getJsonObject("node")
                          .getJsonObject("post")
                          .getString("id")
                          .equals(ack.id()));
      if (!found) {
        check.unsearchable.add(ack.id() + " (" + ack.word() + ")");
      }
    }
    JsonObject lists =
        client.data(
            "{ posts(first: 100, tag: \"crash\") { edges { node { id related(first: 10) { post { id } } } } } }");
    for (JsonObject edge :
        lists.getJsonObject("posts").getJsonArray("edges").getValuesAs(JsonObject.class)) {
      for (JsonObject related :
          edge.getJsonObject("node").getJsonArray("related").getValuesAs(JsonObject.class)) {
        String relatedId = related.getJsonObject("post").getString("id");
        JsonValue visible =
            client
                .data("query($id: ID!) { post(id: $id) { id } }", vars("id", relatedId))
                .get("post");
        if (visible.equals(JsonValue.NULL)) {
          check.badRelated.add(edge.getJsonObject("node").getString("id") + " -> " + relatedId);
        }
      }
    }
    return check;
  }
}
