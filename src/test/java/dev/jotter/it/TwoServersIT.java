package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Jotter servers on one PostgreSQL database, as behind a load balancer: both start at once on
 * the empty database; what is written on one shows on the other (post, lists, search, related,
 * feeds) within 5 seconds; a post scheduled while both run is published once; a token signed by one
 * verifies on the other and failed sign-ins count on both; and when one dies in the middle of
 * writes the other keeps serving and has everything the dead one acknowledged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersIT {

  static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);
  static final String EMAIL = "admin@two.test";
  static final String PASSWORD = "two servers, one database";

  static Map<String, String> database;
  static LibertyProcess a;
  static LibertyProcess b;
  static GraphQLClient onA;
  static GraphQLClient onB;
  static String token;

  @BeforeAll
  static void startBothAtOnce() throws Exception {
    database = TestPostgres.freshDatabase("jotter_two_servers");
    Map<String, String> env = new HashMap<>(database);
    env.put("JOTTER_ADMIN_EMAIL", EMAIL);
    env.put("JOTTER_ADMIN_PASSWORD", PASSWORD);
    env.put("JOTTER_ADMIN_NAME", "Two");
    env.put("JOTTER_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", "127.0.0.1/32"); // the test's receiver
    env.put("JOTTER_WEBHOOKS_POLL_MILLIS", "100");
    a = LibertyProcess.create("twoServersA", 9285, withId(env, "a"));
    b = LibertyProcess.create("twoServersB", 9287, withId(env, "b"));
    ExecutorService starter = Executors.newFixedThreadPool(2);
    try {
      Future<?> startA = starter.submit(a::start);
      Future<?> startB = starter.submit(b::start);
      startA.get(4, TimeUnit.MINUTES);
      startB.get(4, TimeUnit.MINUTES);
    } finally {
      starter.shutdownNow();
    }
    onA = new GraphQLClient(a.base());
    onB = new GraphQLClient(b.base());
    token = new StaffFixture(onA).login(EMAIL, PASSWORD);
  }

  private static Map<String, String> withId(Map<String, String> env, String id) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put("JOTTER_SERVER_ID", id);
    return copy;
  }

  @AfterAll
  static void stopBoth() {
    for (LibertyProcess server : new LibertyProcess[] {a, b}) {
      if (server != null) {
        server.stop();
      }
    }
  }

  @Test
  @Order(1)
  void startingTogetherOnAnEmptyDatabaseSeedsOnceAndMakesOneAdministrator() throws Exception {
    assertThat(count("select count(*) from staff_user")).as("administrators").isEqualTo(1);
    assertThat(count("select count(*) from flyway_schema_history where success"))
        .as("migrations, each applied once")
        .isEqualTo(count("select count(distinct version) from flyway_schema_history"));
    assertThat(
            a.messagesContaining("Seeded the demo blog").size()
                + b.messagesContaining("Seeded the demo blog").size())
        .as("servers that seeded the demo blog")
        .isEqualTo(1);
    assertThat(count("select count(*) from post")).as("the demo blog's 12 posts").isEqualTo(12);
    assertThat(
            onB.data("{ posts(first: 100) { totalCount } }")
                .getJsonObject("posts")
                .getInt("totalCount"))
        .isEqualTo(
            onA.data("{ posts(first: 100) { totalCount } }")
                .getJsonObject("posts")
                .getInt("totalCount"));
  }

  @Test
  @Order(2)
  void aTokenSignedByOneServerWorksOnTheOtherAndSignInFailuresCountOnBoth() {
    JsonObject me = new StaffFixture(onB).data(token, "{ me { email role } }").getJsonObject("me");
    assertThat(me.getString("email")).isEqualTo(EMAIL);
    assertThat(me.getString("role")).isEqualTo("ADMINISTRATOR");

    String target = "nobody" + System.nanoTime() + "@two.test";
    for (int i = 0; i < 5; i++) {
      GraphQLClient guesser = new GraphQLClient(i % 2 == 0 ? a.base() : b.base());
      assertThat(code(new StaffFixture(guesser).signIn(target, "wrong " + i)))
          .isEqualTo("UNAUTHENTICATED");
    }
    assertThat(code(new StaffFixture(new GraphQLClient(b.base())).signIn(target, "wrong again")))
        .as("five failures spread over both servers lock the email on both")
        .isEqualTo("TOO_MANY_ATTEMPTS");
  }

  @Test
  @Order(3)
  void whatIsWrittenOnOneServerShowsOnTheOtherWithinFiveSeconds() {
    String word = "twinzq" + System.nanoTime();
    String first = publish(onA, "Orbital gardens " + word, gardenText(word, "first"));
    String second = publish(onA, "Orbital orchards " + word, gardenText(word, "second"));
    String firstSlug = slug(first);

    Duration seen =
        within(
            "B shows the new posts in post, posts, search, related and the feed",
            () ->
                !onB.data("query($s: String!) { post(slug: $s) { id } }", vars("s", firstSlug))
                        .isNull("post")
                    && latestIds(onB).contains(first)
                    && searchIds(onB, word).containsAll(List.of(first, second))
                    && relatedIds(onB, firstSlug).contains(second)
                    && onB.get("/rss.xml").body().contains("Orbital gardens " + word));
    System.out.printf("publish on A -> visible on B in %d ms%n", seen.toMillis());

    String renamed = "Orbital meadows " + word;
    edit(onA, first, renamed);
    within(
        "B shows the edit",
        () ->
            renamed.equals(
                    onB.data(
                            "query($s: String!) { post(slug: $s) { title } }", vars("s", firstSlug))
                        .getJsonObject("post")
                        .getString("title"))
                && onB.get("/rss.xml").body().contains(renamed));

    call(onA, "mutation($id: ID!) { unpublishPost(id: $id) { id } }", "id", second);
    within(
        "B forgets the unpublished post everywhere",
        () ->
            !latestIds(onB).contains(second)
                && !searchIds(onB, word).contains(second)
                && !relatedIds(onB, firstSlug).contains(second)
                && !onB.get("/rss.xml").body().contains("Orbital orchards " + word));
  }

  @Test
  @Order(4)
  void aPostScheduledWhileBothRunIsPublishedOnceWithOneEvent() throws Exception {
    String id = draft(onA, "Launch window " + System.nanoTime(), "Both servers wait for it.");
    String at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(4).withNano(0).toString();
    call(
        onA,
        "mutation($id: ID!, $at: DateTime!) { schedulePost(id: $id, publishAt: $at) { id } }",
        "id",
        id,
        "at",
        at);
    within(
        Duration.ofSeconds(30),
        "the scheduled post is published and B serves it",
        () -> latestIds(onB).contains(id));
    Thread.sleep(2_000); // a second publication, if any, would be in by now
    assertThat(
            count(
                "select count(*) from change_log where kind = 'post-published' and subject_id = "
                    + Long.parseLong(id)))
        .as("post-published events for the scheduled post")
        .isEqualTo(1);
    assertThat(count("select count(*) from post_revision where post_id = " + Long.parseLong(id)))
        .as("revisions: the draft's only (publishing is not an edit)")
        .isEqualTo(1);
  }

  @Test
  @Order(5)
  void whenOneServerDiesMidBurstTheOtherServesAndHasEveryAcknowledgedWrite() throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> word
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger readsOnB = new AtomicInteger();
    List<String> failedReadsOnB = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      String prefix = "burst" + w + "n";
      work.add(pool.submit(() -> writeUntilKilled(prefix, acknowledged, killed)));
    }
    work.add(
        pool.submit(
            () -> {
              while (!killed.get() || readsOnB.get() < 50) {
                JsonObject res = onB.query("{ posts(first: 5) { nodes { id title } } }");
                readsOnB.incrementAndGet();
                if (res.containsKey("errors")) {
                  synchronized (failedReadsOnB) {
                    failedReadsOnB.add(res.toString());
                  }
                }
              }
            }));
    Thread.sleep(4_000);
    killed.set(true);
    a.kill();
    pool.shutdown();
    assertThat(pool.awaitTermination(90, TimeUnit.SECONDS))
        .as("writers and reader stopped")
        .isTrue();
    for (Future<?> f : work) {
      f.get();
    }
    assertThat(acknowledged).as("writes A acknowledged before it died").isNotEmpty();
    assertThat(failedReadsOnB).as("B's answers while A died").isEmpty();

    StaffFixture staffOnB = new StaffFixture(onB);
    for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
      JsonValue post =
          staffOnB
              .data(token, "query($id: ID!) { staffPost(id: $id) { status } }", "id", ack.getKey())
              .get("staffPost");
      assertThat(post).as("post " + ack.getKey() + " on B").isNotEqualTo(JsonValue.NULL);
      assertThat(post.asJsonObject().getString("status")).isEqualTo("PUBLISHED");
    }
    within(
        "B's search has every post A acknowledged, including those A had no time to index",
        () ->
            acknowledged.entrySet().stream()
                .allMatch(e -> searchIds(onB, e.getValue()).contains(e.getKey())));
    System.out.printf(
        "A killed after %d acknowledged publishes; B answered %d reads meanwhile, 0 failed%n",
        acknowledged.size(), readsOnB.get());
  }

  @Test
  @Order(6)
  void aServerRestartedWhileTheOtherWroteIsServedFromItsStoredIndexesAndCatchesUp() {
    // A died in the burst above; while it is down, B publishes
    String word = "restartzq" + System.nanoTime() % 100_000;
    String id = publish(onB, "Restarted " + word, gardenText(word, "restart"));
    // A's blog counts as a large one: its stored indexes are served at once, checked behind
    a.environment("JOTTER_DISCOVERY_SYNCHRONOUS_LIMIT", "1");
    a.start();
    assertThat(a.messagesContaining("checking them against the blog in the background"))
        .as("A was ready before it checked its indexes")
        .hasSize(1);
    within(
        Duration.ofSeconds(60),
        "A's background check found its indexes stale and rebuilt them",
        () ->
            a.messagesContaining("Discovery ready").stream().anyMatch(l -> l.contains("rebuilt")));
    within(
        "A's search finds what B published while A was down",
        () -> searchIds(onA, word).contains(id));
    assertThat(a.messagesContaining("Cannot check discovery's indexes")).isEmpty();
    // and A takes writes again: its refresh waited for the check, then indexed the change
    String after = "afterzq" + System.nanoTime() % 100_000;
    String second = publish(onA, "After " + after, gardenText(after, "second"));
    assertThat(searchIds(onA, after)).as("A reads its own write").contains(second);
    within("B's search finds A's write", () -> searchIds(onB, after).contains(second));
  }

  @Test
  @Order(7)
  void aPgDumpRestoredIntoANewDatabaseServesEveryPostWithSearchAndRelated() throws Exception {
    Path pgDump = pgTool("pg_dump");
    Path pgRestore = pgTool("pg_restore");
    Path dump = Files.createTempFile("jotter-two-servers", ".dump");
    Map<String, String> restoredDb = TestPostgres.freshDatabase("jotter_two_servers_restored");
    within(
        Duration.ofSeconds(30),
        "B has applied the whole change log (so its lists no longer change)",
        () -> {
          try {
            return count(
                    "select count(*) from change_log where id > (select position from"
                        + " change_consumer where name = 'discovery@b')")
                == 0;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
    try {
      BoundedProcess.Result dumped =
          BoundedProcess.run(
              null,
              pgEnv(database),
              Duration.ofMinutes(2),
              pgDump.toString(),
              "--format=custom",
              "--file=" + dump,
              "--dbname=" + libpq(database));
      assertThat(dumped.exitCode()).as("pg_dump: " + dumped.output()).isZero();
      BoundedProcess.Result restored =
          BoundedProcess.run(
              null,
              pgEnv(restoredDb),
              Duration.ofMinutes(2),
              pgRestore.toString(),
              "--no-owner",
              "--exit-on-error",
              "--dbname=" + libpq(restoredDb),
              dump.toString());
      assertThat(restored.exitCode()).as("pg_restore: " + restored.output()).isZero();

      List<String> posts = latestIds(onB);
      String slug = slug(onB, posts.get(0));
      try (LibertyProcess c = LibertyProcess.create("twoServersRestored", 9299, restoredDb)) {
        c.start();
        GraphQLClient onC = new GraphQLClient(c.base());
        assertThat(latestIds(onC)).isEqualTo(posts);
        assertThat(
                onC.data("{ posts(first: 1) { totalCount } }")
                    .getJsonObject("posts")
                    .getInt("totalCount"))
            .isEqualTo(
                onB.data("{ posts(first: 1) { totalCount } }")
                    .getJsonObject("posts")
                    .getInt("totalCount"));
        assertThat(relatedIds(onC, slug)).isNotEmpty().isEqualTo(relatedIds(onB, slug));
        String word = "orbit";
        assertThat(searchIds(onC, word)).isNotEmpty().isEqualTo(searchIds(onB, word));
        assertThat(c.messagesContaining("search index rebuilt"))
            .as("C built its search index from the restored posts")
            .hasSize(1);
      }
    } finally {
      Files.deleteIfExists(dump);
    }
  }

  /** A PostgreSQL client program: on the PATH, or Debian's (/usr/lib/postgresql/N/bin). */
  @Test
  @Order(8)
  void aWebhookGetsEachEventOnceWhileBothServersSendDeliveries() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String webhook =
          call(
                  onA,
                  "mutation($i: WebhookInput!) { createWebhook(input: $i) { webhook { id } } }",
                  "i",
                  Json.createObjectBuilder()
                      .add("url", receiver.url("/two"))
                      .add("events", Json.createArrayBuilder().add("POST_PUBLISHED"))
                      .build())
              .getJsonObject("createWebhook")
              .getJsonObject("webhook")
              .getString("id");
      List<String> published = new ArrayList<>();
      String word = "hookzq" + System.nanoTime();
      for (int i = 0; i < 6; i++) {
        published.add(
            publish(i % 2 == 0 ? onA : onB, "Relay " + i + " " + word, gardenText(word, "w" + i)));
      }
      assertThat(receiver.await(published.size(), r -> true)).hasSize(published.size());
      Thread.sleep(1_500); // both servers poll every 100 ms: time enough for a second copy
      List<String> received =
          receiver.all(r -> true).stream()
              .map(r -> GraphQLClient.json(r.body()).getJsonObject("post").getString("id"))
              .toList();
      assertThat(received)
          .as("each post once, from whichever server")
          .containsExactlyInAnyOrderElementsOf(published);
      call(onB, "mutation($id: ID!) { deleteWebhook(id: $id) }", "id", webhook);
    }
  }

  @Test
  @Order(9)
  void blogSettingsChangedOnOneServerShowOnTheOtherWithinAPoll() {
    // B reads (and keeps) the settings first: the change must make it forget them
    String before = onB.data("{ blog { title } }").getJsonObject("blog").getString("title");
    String title = "Twin Orbits " + System.nanoTime();
    call(
        onA,
        "mutation($i: BlogSettingsInput!) { updateBlogSettings(input: $i) { title } }",
        "i",
        vars("title", title));
    Duration seen =
        within(
            "B shows the new title in the API, the feed and the home page",
            () ->
                title.equals(
                        onB.data("{ blog { title } }").getJsonObject("blog").getString("title"))
                    && onB.get("/rss.xml").body().contains("<title>" + title + "</title>")
                    && onB.get("/").body().contains("<title>" + title + "</title>"));
    System.out.printf("blog settings on A -> visible on B in %d ms%n", seen.toMillis());
    call(
        onB,
        "mutation($i: BlogSettingsInput!) { updateBlogSettings(input: $i) { title } }",
        "i",
        vars("title", before));
  }

  private static Path pgTool(String name) throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Optional<Path> found =
            versions
                .map(v -> v.resolve("bin").resolve(name))
                .filter(Files::isExecutable)
                .max(Comparator.naturalOrder());
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    throw new AssertionError(name + " is not installed (.ci/run installs Debian's postgresql)");
  }

  /** The libpq address of a JDBC URL jdbc:postgresql://host:port/db. */
  private static String libpq(Map<String, String> db) {
    return "postgresql:" + db.get("JOTTER_DB_URL").substring("jdbc:postgresql:".length());
  }

  private static Map<String, String> pgEnv(Map<String, String> db) {
    return Map.of("PGUSER", db.get("JOTTER_DB_USER"), "PGPASSWORD", db.get("JOTTER_DB_PASSWORD"));
  }

  private void writeUntilKilled(
      String prefix, Map<String, String> acknowledged, AtomicBoolean killed) {
    for (int n = 0; !killed.get(); n++) {
      String word = prefix + n + "zq" + System.nanoTime() % 100_000;
      try {
        String id = draft(onA, "Burst " + word, "Thoughts on " + word + ".");
        JsonObject published =
            new StaffFixture(onA)
                .call(token, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);
        if (code(published) != null) {
          throw new AssertionError("publish failed: " + published);
        }
        acknowledged.put(id, word);
      } catch (UncheckedIOException | AssertionError e) {
        if (!killed.get()) {
          throw e;
        }
        return; // A died under this request: its outcome is unknown, so it is not counted
      }
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String gardenText(String word, String which) {
    return "## Gardens in orbit\n\nThe "
        + which
        + " note about "
        + word
        + ": growing food on a space station, hydroponics, light and water in orbit.";
  }

  private static JsonObject call(GraphQLClient on, String query, Object... variables) {
    JsonObject res = new StaffFixture(on).call(token, query, variables);
    if (code(res) != null) {
      throw new AssertionError("failed: " + res);
    }
    return res.getJsonObject("data");
  }

  private static String draft(GraphQLClient on, String title, String markdown) {
    return call(
            on,
            "mutation($i: PostInput!) { createDraft(input: $i) { id } }",
            "i",
            Json.createObjectBuilder()
                .add("title", title)
                .add("markdown", markdown)
                .add("tags", Json.createArrayBuilder().add("space"))
                .build())
        .getJsonObject("createDraft")
        .getString("id");
  }

  private static String publish(GraphQLClient on, String title, String markdown) {
    String id = draft(on, title, markdown);
    call(on, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);
    return id;
  }

  private static void edit(GraphQLClient on, String id, String title) {
    JsonObject post =
        call(on, "query($id: ID!) { staffPost(id: $id) { version } }", "id", id)
            .getJsonObject("staffPost");
    call(
        on,
        "mutation($id: ID!, $v: BigInteger!, $i: PostInput!) { updatePost(id: $id,"
            + " expectedVersion: $v, input: $i) { ... on EditSaved { post { id } } } }",
        "id",
        id,
        "v",
        post.getJsonNumber("version").longValue(),
        "i",
        Json.createObjectBuilder().add("title", title).build());
  }

  private static String slug(String id) {
    return slug(onA, id);
  }

  private static String slug(GraphQLClient on, String id) {
    return call(on, "query($id: ID!) { staffPost(id: $id) { slug } }", "id", id)
        .getJsonObject("staffPost")
        .getString("slug");
  }

  private static List<String> latestIds(GraphQLClient on) {
    return ids(on.data("{ posts(first: 20) { nodes { id } } }").getJsonObject("posts"));
  }

  private static List<String> searchIds(GraphQLClient on, String word) {
    return on
        .data(
            "query($q: String!) { search(query: $q, first: 20) { edges { node { post { id } } } } }",
            vars("q", word))
        .getJsonObject("search")
        .getJsonArray("edges")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(e -> e.getJsonObject("node").getJsonObject("post").getString("id"))
        .toList();
  }

  private static List<String> relatedIds(GraphQLClient on, String slug) {
    JsonObject post =
        on.data(
                "query($s: String!) { post(slug: $s) { related(first: 5) { post { id } } } }",
                vars("s", slug))
            .getJsonObject("post");
    if (post == null) {
      return List.of();
    }
    return post.getJsonArray("related").getValuesAs(JsonObject.class).stream()
        .map(r -> r.getJsonObject("post").getString("id"))
        .toList();
  }

  private static List<String> ids(JsonObject connection) {
    return connection.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
        .map(n -> n.getString("id"))
        .toList();
  }

  private static Duration within(String what, Supplier<Boolean> condition) {
    return within(VISIBLE_WITHIN, what, condition);
  }

  /** Polls the condition until it holds (returning how long that took) or the time is up. */
  private static Duration within(Duration limit, String what, Supplier<Boolean> condition) {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (true) {
      if (condition.get()) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + limit.toSeconds() + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                database.get("JOTTER_DB_URL"),
                database.get("JOTTER_DB_USER"),
                database.get("JOTTER_DB_PASSWORD"));
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
