package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an admin operating Jotter relies on, on a server of the test's own (embedded H2): {@code
 * /metrics} in Prometheus format (requests by operation and outcome, a latency histogram, the
 * change log's lag, the connection pool), JSON logs with one line per failed request, and an online
 * backup that restores into an empty server with every post, its search and its related lists.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatingIT {

  static final String EMAIL = "admin@operating.test";
  static final String PASSWORD = "operating a blog well";
  static final String CANARY = "quokkaprism";

  static LibertyProcess server;
  static GraphQLClient client;
  static String token;

  @BeforeAll
  static void start() {
    server =
        LibertyProcess.create(
            "operating",
            9301,
            Map.of(
                "WLP_LOGGING_CONSOLE_FORMAT",
                "json",
                "WLP_LOGGING_MESSAGE_FORMAT",
                "json",
                "JOTTER_ADMIN_EMAIL",
                EMAIL,
                "JOTTER_ADMIN_PASSWORD",
                PASSWORD));
    server.start();
    client = new GraphQLClient(server.base());
    token = new StaffFixture(client).login(EMAIL, PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  @Order(1)
  void metricsCountRequestsByOperationAndOutcomeWithLatencyLagAndThePool() {
    for (int i = 0; i < 3; i++) {
      assertThat(client.query("query FrontPage { posts(first: 3) { nodes { title } } }"))
          .doesNotContainKey("errors");
    }
    assertThat(code(client.query("query Broken { posts(first: 3) { nodes { colour } } }")))
        .isEqualTo("GRAPHQL_VALIDATION_FAILED");

    String metrics = metrics();
    assertThat(
            sample(
                metrics,
                "jotter_graphql_requests_total",
                "operation=\"FrontPage\"",
                "outcome=\"ok\""))
        .as("FrontPage answered ok")
        .isEqualTo(3);
    assertThat(
            sample(
                metrics,
                "jotter_graphql_requests_total",
                "operation=\"Broken\"",
                "outcome=\"GRAPHQL_VALIDATION_FAILED\""))
        .isEqualTo(1);
    assertThat(
            sample(
                metrics,
                "jotter_graphql_request_duration_seconds_count",
                "operation=\"FrontPage\""))
        .isEqualTo(3);
    assertThat(
            sample(
                metrics,
                "jotter_graphql_request_duration_seconds_bucket",
                "operation=\"FrontPage\"",
                "le=\"+Inf\""))
        .as("a histogram, with buckets")
        .isEqualTo(3);
    assertThat(lines(metrics, "jotter_graphql_request_duration_seconds_bucket", "FrontPage"))
        .as("the configured buckets and +Inf")
        .hasSize(13);
    assertThat(lines(metrics, "jotter_changes_lag", "consumer=\"discovery\""))
        .as("the change log's lag per consumer and server")
        .hasSize(1);
    assertThat(metrics).as("the connection pool's use").contains("connectionpool_");
    assertThat(metrics).contains("jotter_graphql_requests_total{");
  }

  @Test
  @Order(3)
  void operationNamesFromClientsCannotGrowTheMetricsWithoutBound() {
    for (int i = 0; i < 130; i++) {
      client.query("query Probe" + i + " { posts(first: 1) { totalCount } }");
    }
    Set<String> operations = new TreeSet<>();
    Matcher m =
        Pattern.compile("jotter_graphql_requests_total\\{[^}]*operation=\"([^\"]*)\"")
            .matcher(metrics());
    while (m.find()) {
      operations.add(m.group(1));
    }
    operations.removeAll(Set.of("anonymous", "none", "other"));
    assertThat(operations.size())
        .as("operation names counted as themselves: " + operations)
        .isEqualTo(100);
    assertThat(operations).contains("FrontPage", "Broken", "Missing");
    assertThat(lines(metrics(), "jotter_graphql_requests_total", "operation=\"other\""))
        .as("the names after the first 100")
        .isNotEmpty();
  }

  @Test
  @Order(2)
  void logsAreJsonWithOneLinePerFailedRequestAndItsCode() throws Exception {
    client.query("query Missing { post(slug: 42) { title } }");
    List<JsonObject> records = List.of();
    List<String> failures = List.of();
    long deadline = System.nanoTime() + 10_000_000_000L; // the log is written a moment later
    while (failures.isEmpty() && System.nanoTime() < deadline) {
      records = logRecords();
      failures =
          records.stream()
              .map(r -> r.getString("message", ""))
              .filter(msg -> msg.startsWith("GraphQL request failed: operation=Missing "))
              .toList();
      if (failures.isEmpty()) {
        Thread.sleep(200);
      }
    }
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).contains("code=GRAPHQL_VALIDATION_FAILED", "status=200", "ms=");
    assertThat(
            records.stream()
                .filter(r -> r.getString("message", "").startsWith("GraphQL request failed:"))
                .filter(r -> r.getString("message").contains("operation=FrontPage"))
                .count())
        .as("answers without errors are not logged")
        .isZero();
  }

  @Test
  @Order(4)
  void onlyAdministratorsTakeBackups() {
    JsonObject anonymous = client.query("mutation { backupDatabase { file } }");
    assertThat(code(anonymous)).isEqualTo("UNAUTHENTICATED");
    StaffFixture staff = new StaffFixture(client);
    staff.data(
        token,
        "mutation($i: StaffInput!) { createStaff(input: $i) { id } }",
        "i",
        Json.createObjectBuilder()
            .add("email", "writer@operating.test")
            .add("name", "Writer")
            .add("role", "AUTHOR")
            .add("password", PASSWORD)
            .build());
    String author = staff.login("writer@operating.test", PASSWORD);
    JsonObject asAuthor = client.query("mutation { backupDatabase { file } }", null, author);
    assertThat(code(asAuthor)).isEqualTo("FORBIDDEN");
  }

  @Test
  @Order(5)
  void anOnlineBackupRestoresIntoAnEmptyServerWithEveryPostItsSearchAndRelatedLists()
      throws Exception {
    StaffFixture staff = new StaffFixture(client);
    String id =
        staff
            .data(
                token,
                "mutation($i: PostInput!) { createDraft(input: $i) { id } }",
                "i",
                Json.createObjectBuilder()
                    .add("title", "The " + CANARY + " of rockets")
                    .add(
                        "markdown",
                        "## Reusable rockets\n\nA " + CANARY + " lands a booster on a barge.")
                    .add("tags", Json.createArrayBuilder().add("space"))
                    .build())
            .getJsonObject("createDraft")
            .getString("id");
    staff.data(token, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);
    String slug =
        staff
            .data(token, "query($id: ID!) { staffPost(id: $id) { slug } }", "id", id)
            .getJsonObject("staffPost")
            .getString("slug");

    JsonObject backup =
        staff
            .data(token, "mutation { backupDatabase { file bytes takenAt } }")
            .getJsonObject("backupDatabase");
    Path zip = Path.of(backup.getString("file"));
    assertThat(zip).exists().hasParent(server.dataDir().resolve("backups"));
    assertThat(backup.getJsonNumber("bytes").longValue()).isEqualTo(Files.size(zip));

    // written after the backup: not in it
    String after =
        staff
            .data(
                token,
                "mutation($i: PostInput!) { createDraft(input: $i) { id } }",
                "i",
                Json.createObjectBuilder().add("title", "After the backup").build())
            .getJsonObject("createDraft")
            .getString("id");

    JsonObject before = everything(client, slug);
    try (LibertyProcess restored =
        LibertyProcess.create("operatingRestored", 9303, Map.of("JOTTER_DEMO_SEED", "false"))) {
      unzip(zip, restored.dataDir());
      restored.start();
      GraphQLClient onRestored = new GraphQLClient(restored.base());
      assertThat(everything(onRestored, slug)).isEqualTo(before);
      assertThat(restored.messagesContaining("search index rebuilt"))
          .as("the search index, rebuilt from the restored posts")
          .hasSize(1);
      assertThat(
              new StaffFixture(onRestored)
                  .data(token, "query($id: ID!) { staffPost(id: $id) { id } }", "id", after)
                  .get("staffPost"))
          .as("a draft written after the backup")
          .isEqualTo(JsonValue.NULL);
    }
  }

  /** Every line of messages.log, each of which must be a JSON object. */
  private static List<JsonObject> logRecords() throws IOException {
    List<String> lines =
        Files.readAllLines(
            server.dataDir().resolveSibling("logs/messages.log"), StandardCharsets.UTF_8);
    List<JsonObject> records = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        records.add(GraphQLClient.json(line));
      } catch (JsonParsingException e) {
        throw new AssertionError("not a JSON line in messages.log: " + line, e);
      }
    }
    return records;
  }

  /** What readers see: every post's slug, the canary's search hits and its related posts. */
  private static JsonObject everything(GraphQLClient on, String slug) {
    JsonObject posts = on.data("{ posts(first: 100) { totalCount nodes { slug } } }");
    JsonObject search =
        on.data(
            "query($q: String!) { search(query: $q) { edges { node { post { slug } } } } }",
            vars("q", CANARY));
    JsonObject related =
        on.data(
            "query($s: String!) { post(slug: $s) { related(first: 3) { post { slug } } } }",
            vars("s", slug));
    assertThat(search.getJsonObject("search").getJsonArray("edges")).hasSize(1);
    assertThat(related.getJsonObject("post").getJsonArray("related")).isNotEmpty();
    return Json.createObjectBuilder()
        .add("posts", posts)
        .add("search", search)
        .add("related", related)
        .build();
  }

  private static void unzip(Path zip, Path into) throws IOException {
    Files.createDirectories(into);
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        Path target = into.resolve(entry.getName()).normalize();
        assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
        Files.copy(entries, target);
      }
    }
    assertThat(into.resolve("jotter.mv.db")).exists();
  }

  private String metrics() {
    HttpResponse<String> res = client.get("/metrics");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    return res.body();
  }

  /** The value of the one sample of this metric whose labels include all of these. */
  private static long sample(String metrics, String name, String... labels) {
    List<String> found = lines(metrics, name, labels);
    assertThat(found).as(name + " " + String.join(",", labels) + " in\n" + metrics).hasSize(1);
    String line = found.get(0);
    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static List<String> lines(String metrics, String name, String... labels) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + "{"))
        .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
        .toList();
  }
}
