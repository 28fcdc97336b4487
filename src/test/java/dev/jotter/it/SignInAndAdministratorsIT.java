package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling and the last administrator under concurrency, on a Jotter server of their own
 * (a blog with exactly the administrators these tests make): parallel wrong guesses count one each,
 * a client address trying many emails is slowed down too, a document of aliased sign-ins runs one,
 * two administrators demoting each other at once leave one, and the signing key is private. The
 * server runs in the allow-list mode of persisted queries.
 */
class SignInAndAdministratorsIT {

  static final String PASSWORD = "a long test password";

  static LibertyProcess server;
  static GraphQLClient client;
  static String admin;

  @BeforeAll
  static void start() {
    // the allow-list mode too: anonymous clients run only registered queries (signing in stays
    // open)
    server =
        LibertyProcess.create(
            "signInServer",
            9291,
            Map.of("JOTTER_DEMO_SEED", "false", "JOTTER_GRAPHQL_PERSISTED_QUERIES", "registered"));
    server.start();
    client = new GraphQLClient(server.base());
    admin =
        client
            .data(
                "mutation($p: String!) { setup(email: \"first@jotter.test\", name: \"First\","
                    + " password: $p) { token } }",
                vars("p", PASSWORD))
            .getJsonObject("setup")
            .getString("token");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  static JsonObject login(GraphQLClient from, String email, String password) {
    return from.query(
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        vars("e", email, "p", password));
  }

  /** A client of its own, at its own address. */
  static GraphQLClient newClient() {
    return new GraphQLClient(server.base());
  }

  @Test
  void parallelWrongGuessesCountOneEach() throws Exception {
    String email = "target" + System.nanoTime() + "@jotter.test";
    int guesses = 10;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(guesses);
    List<Future<String>> codes = new ArrayList<>();
    for (int i = 0; i < guesses; i++) {
      GraphQLClient guesser = newClient(); // from different addresses: only the email counts
      String password = "wrong password " + i;
      codes.add(
          pool.submit(
              () -> {
                go.await();
                return code(login(guesser, email, password));
              }));
    }
    go.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> c : codes) {
      outcomes.add(c.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(outcomes)
        .as("5 free failures per email, the rest told to wait")
        .filteredOn("UNAUTHENTICATED"::equals)
        .hasSize(5);
    assertThat(outcomes).filteredOn("TOO_MANY_ATTEMPTS"::equals).hasSize(5);
  }

  @Test
  void anAddressTryingManyEmailsIsSlowedDownToo() {
    GraphQLClient sprayer = newClient();
    for (int i = 0; i < 20; i++) {
      assertThat(code(login(sprayer, "spray" + i + "@jotter.test", "wrong password")))
          .as("attempt %d from one address", i + 1)
          .isEqualTo("UNAUTHENTICATED");
    }
    assertThat(code(login(sprayer, "spray-next@jotter.test", "wrong password")))
        .isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(code(login(newClient(), "spray-next@jotter.test", "wrong password")))
        .as("another address")
        .isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void aDocumentOfAliasedSignInsRunsOne() {
    JsonObject response =
        newClient()
            .query(
                "mutation($p: String!) {"
                    + " a: login(email: \"first@jotter.test\", password: $p) { token }"
                    + " b: login(email: \"other@jotter.test\", password: \"wrong one\") { token } }",
                vars("p", PASSWORD));
    List<JsonObject> errors = response.getJsonArray("errors").getValuesAs(JsonObject.class);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getJsonObject("extensions").getString("code"))
        .isEqualTo("BAD_USER_INPUT");
    assertThat(errors.get(0).getJsonArray("path").getString(0)).isEqualTo("b");
    assertThat(errors.get(0).getString("message")).contains("one sign-in");
  }

  @Test
  void anOverlongEmailIsRefusedUnread() {
    assertThat(code(login(newClient(), "a".repeat(100_000) + "@jotter.test", "x")))
        .isEqualTo("BAD_USER_INPUT");
  }

  /**
   * Two administrators (and no other) demote each other at the same moment, five times: each time
   * one is refused, so the blog always keeps an administrator.
   */
  @Test
  void administratorsDemotingEachOtherAtOnceLeaveOne() throws Exception {
    String secondEmail = "second@jotter.test";
    String secondId =
        client
            .query(
                "mutation($i: StaffInput!) { createStaff(input: $i) { id } }",
                vars(
                    "i",
                    Json.createObjectBuilder()
                        .add("email", secondEmail)
                        .add("name", "Second")
                        .add("role", "ADMINISTRATOR")
                        .add("password", PASSWORD)
                        .build()),
                admin)
            .getJsonObject("data")
            .getJsonObject("createStaff")
            .getString("id");
    String firstId =
        client
            .query("{ me { id } }", null, admin)
            .getJsonObject("data")
            .getJsonObject("me")
            .getString("id");
    String second =
        login(newClient(), secondEmail, PASSWORD)
            .getJsonObject("data")
            .getJsonObject("login")
            .getString("token");
    String demote = "mutation($id: ID!) { changeRole(id: $id, role: EDITOR) { id role } }";
    String promote = "mutation($id: ID!) { changeRole(id: $id, role: ADMINISTRATOR) { id role } }";
    for (int round = 1; round <= 5; round++) {
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      String firstToken = admin;
      String secondToken = second;
      Future<JsonObject> byFirst =
          pool.submit(
              () -> {
                go.await();
                return client.query(demote, vars("id", secondId), firstToken);
              });
      Future<JsonObject> bySecond =
          pool.submit(
              () -> {
                go.await();
                return client.query(demote, vars("id", firstId), secondToken);
              });
      go.countDown();
      JsonObject a = byFirst.get(60, TimeUnit.SECONDS);
      JsonObject b = bySecond.get(60, TimeUnit.SECONDS);
      pool.shutdown();
      assertThat((code(a) == null ? 1 : 0) + (code(b) == null ? 1 : 0))
          .as("round %d: exactly one demotion went through (%s, %s)", round, a, b)
          .isEqualTo(1);
      // the one still administrator makes the other an administrator again
      boolean firstWon = code(a) == null;
      JsonObject restored =
          client.query(
              promote, vars("id", firstWon ? secondId : firstId), firstWon ? admin : second);
      assertThat(code(restored)).as("round %d: promoted back", round).isNull();
    }
  }

  @Test
  void theSigningKeyIsSharedThroughTheDatabaseNotKeptPerServer() throws Exception {
    assertThat(server.dataDir().resolve("keys/jwt-private.pem")).doesNotExist();
    assertThat(Files.readString(server.dataDir().resolve("keys/jwt-public.pem")))
        .startsWith("-----BEGIN PUBLIC KEY-----");
  }

  @Test
  void inTheAllowListModeAnonymousClientsRunOnlyRegisteredQueries() throws Exception {
    GraphQLClient anonymous = newClient();
    String query = "query Counted { posts(first: 1) { totalCount } }";
    assertThat(code(anonymous.query(query))).isEqualTo("PERSISTED_QUERY_NOT_REGISTERED");
    assertThat(anonymous.query(query, null, admin).containsKey("errors"))
        .as("staff run anything")
        .isFalse();

    String hash =
        client
            .query(
                "mutation($d: [String!]!) { registerPersistedQueries(documents: $d) }",
                vars("d", Json.createArrayBuilder().add(query).build()),
                admin)
            .getJsonObject("data")
            .getJsonArray("registerPersistedQueries")
            .getString(0);
    assertThat(code(anonymous.query(query))).isNull();
    java.net.http.HttpResponse<String> byHash =
        anonymous.get(
            "/graphql?extensions="
                + java.net.URLEncoder.encode(
                    "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}",
                    java.nio.charset.StandardCharsets.UTF_8));
    assertThat(byHash.body()).startsWith("{\"data\":{\"posts\":{\"totalCount\":");

    // the reader pages' own documents are allowed without anyone registering them
    String home =
        dev.jotter.platform.graphql.ReaderDocuments.parse(
                Files.readString(java.nio.file.Path.of("src/main/webapp/app/queries.js")))
            .stream()
            .filter(d -> d.contains("query HomePage("))
            .findFirst()
            .orElseThrow();
    assertThat(code(anonymous.query(home, vars("first", 5)))).isNull();
  }
}
