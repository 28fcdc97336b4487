package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A catalogue of hostile inputs, each sent over HTTP as an attacker (or a careless client) would:
 * malformed requests, documents built to cost too much, bad cursors, ids and search text, sign-in
 * abuse, and every kind of bad staff input. Each must get a clear error — JSON with a message and
 * one of the expected {@code extensions.code}s, no stack trace, no HTTP 500 — and change nothing
 * (the blog's posts, drafts, tags, authors and staff are compared before and after each input).
 */
class HostileInputIT extends StaffIT {

  record Case(String name, Supplier<HttpResponse<String>> send, Set<String> codes) {}

  final List<Case> cases = new ArrayList<>();
  String contributor;
  String postId;

  @Test
  void everyHostileInputGetsAClearErrorAndChangesNothing() {
    contributor = staff.as("CONTRIBUTOR");
    postId =
        client
            .data("{ posts(first: 1) { nodes { id } } }")
            .getJsonObject("posts")
            .getJsonArray("nodes")
            .getJsonObject(0)
            .getString("id");
    transport();
    documents();
    costs();
    cursorsIdsAndSearch();
    signIn();
    staffInput();

    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      String before = snapshot();
      HttpResponse<String> res = c.send().get();
      String problem = problem(c, res);
      if (problem != null) {
        failures.add(c.name() + ": " + problem);
      } else if (!snapshot().equals(before)) {
        failures.add(c.name() + ": changed the blog");
      }
    }
    System.out.printf(
        "%d hostile inputs: %d answered with a clear error, nothing changed%n",
        cases.size(), cases.size() - failures.size());
    assertThat(failures).isEmpty();
    assertThat(cases.size()).isGreaterThanOrEqualTo(60);
  }

  /** Why the answer is not a clear error with one of the expected codes, or null when it is. */
  static String problem(Case c, HttpResponse<String> res) {
    if (res.statusCode() >= 500) {
      return "HTTP " + res.statusCode() + ": " + res.body();
    }
    String body = res.body();
    if (body.contains("Exception:")
        || body.contains("\tat ")
        || body.contains(".java:")
        || body.contains("java.lang.")
        || body.contains("org.h2.")
        || body.contains("SQLState")) {
      return "a stack trace or class name in the answer: " + abbreviate(body);
    }
    JsonObject json;
    try {
      json = GraphQLClient.json(body);
    } catch (RuntimeException e) {
      return "not JSON (HTTP " + res.statusCode() + "): " + abbreviate(body);
    }
    if (!json.containsKey("errors") || json.getJsonArray("errors").isEmpty()) {
      return "no error: " + abbreviate(body);
    }
    for (JsonValue error : json.getJsonArray("errors")) {
      JsonObject e = error.asJsonObject();
      String message = e.getString("message", "");
      JsonObject extensions = e.getJsonObject("extensions");
      String code = extensions == null ? null : extensions.getString("code", null);
      if (message.isBlank() || code == null) {
        return "an error without message or code: " + e;
      }
      if (c.codes().contains(code)) {
        return null;
      }
    }
    return "expected one of " + c.codes() + ", got " + abbreviate(body);
  }

  static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /** What a hostile input must not change, read as the administrator. */
  String snapshot() {
    return staff
        .data(
            admin,
            "{ posts(first: 100, orderBy: UPDATED_AT_DESC) { totalCount nodes { id version } }"
                + " drafts(first: 100) { totalCount nodes { id version } }"
                + " allTags(first: 100) { slug name description }"
                + " authors(first: 100) { slug name bio website avatarUrl }"
                + " staffUsers(first: 100) { email role status } }")
        .toString();
  }

  // --- how cases send ---------------------------------------------------------------------------

  void add(String name, Supplier<HttpResponse<String>> send, String... codes) {
    cases.add(new Case(name, send, Set.of(codes)));
  }

  void query(String name, String query, JsonObject variables, String... codes) {
    add(name, () -> post(null, query, variables), codes);
  }

  void as(String token, String name, String query, JsonObject variables, String... codes) {
    add(name, () -> post(token, query, variables), codes);
  }

  HttpResponse<String> post(String token, String query, JsonObject variables) {
    var body = Json.createObjectBuilder().add("query", query);
    if (variables != null) {
      body.add("variables", variables);
    }
    return raw("POST", "/graphql", "application/json", body.build().toString(), token);
  }

  HttpResponse<String> raw(
      String method, String path, String contentType, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(client.base().resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build());
  }

  HttpResponse<String> bytes(byte[] body) {
    return client.send(
        HttpRequest.newBuilder(client.base().resolve("/graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  static JsonObject vars(Object... pairs) {
    return StaffFixture.vars(pairs);
  }

  static String cursor(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  // --- the catalogue ----------------------------------------------------------------------------

  void transport() {
    add("GET without a query", () -> raw("GET", "/graphql", null, null, null), "BAD_REQUEST");
    add("PUT", () -> raw("PUT", "/graphql", "application/json", "{}", null), "METHOD_NOT_ALLOWED");
    add("DELETE", () -> raw("DELETE", "/graphql", null, null, null), "METHOD_NOT_ALLOWED");
    add(
        "a mutation over GET",
        () ->
            raw(
                "GET",
                "/graphql?query=mutation%7BdeletePost(id%3A%221%22)%7Bid%7D%7D",
                null,
                null,
                null),
        "METHOD_NOT_ALLOWED");
    add(
        "not JSON",
        () -> raw("POST", "/graphql", "application/json", "{query: nope", null),
        "BAD_REQUEST");
    add(
        "a JSON array",
        () ->
            raw(
                "POST",
                "/graphql",
                "application/json",
                "[{\"query\": \"{ tags { name } }\"}]",
                null),
        "BAD_REQUEST");
    add(
        "query is a number",
        () -> raw("POST", "/graphql", "application/json", "{\"query\": 42}", null),
        "BAD_REQUEST");
    add(
        "variables is a list",
        () ->
            raw(
                "POST",
                "/graphql",
                "application/json",
                "{\"query\": \"{ tags { name } }\", \"variables\": [1, 2]}",
                null),
        "BAD_REQUEST");
    add(
        "extensions is a string",
        () ->
            raw(
                "POST",
                "/graphql",
                "application/json",
                "{\"query\": \"{ tags { name } }\", \"extensions\": \"x\"}",
                null),
        "BAD_REQUEST");
    add(
        "text/plain",
        () -> raw("POST", "/graphql", "text/plain", "{ tags { name } }", null),
        "UNSUPPORTED_MEDIA_TYPE");
    add(
        "Latin-1",
        () ->
            raw(
                "POST",
                "/graphql",
                "application/json; charset=ISO-8859-1",
                "{\"query\": \"{ tags { name } }\"}",
                null),
        "UNSUPPORTED_MEDIA_TYPE");
    add(
        "invalid UTF-8",
        () -> bytes(new byte[] {'{', '"', 'q', '"', ':', (byte) 0xC3, (byte) 0x28, '}'}),
        "BAD_REQUEST");
    add(
        "a 5 MiB body",
        () ->
            raw(
                "POST",
                "/graphql",
                "application/json",
                "{\"query\": \"{ tags { name } }\", \"padding\": \"" + "x".repeat(5 << 20) + "\"}",
                null),
        "PAYLOAD_TOO_LARGE");
    add(
        "two operations without operationName",
        () ->
            raw(
                "POST",
                "/graphql",
                "application/json",
                "{\"query\": \"query A { tags { name } } query B { tags { slug } }\"}",
                null),
        "BAD_REQUEST");
    add(
        "an unknown operationName",
        () ->
            raw(
                "POST",
                "/graphql",
                "application/json",
                "{\"query\": \"query A { tags { name } }\", \"operationName\": \"Z\"}",
                null),
        "BAD_REQUEST");
    add(
        "a garbage bearer token on a staff query",
        () -> post("not.a.token", "{ me { email } }", null),
        "UNAUTHENTICATED");
    add(
        "an unsigned (alg none) token",
        () ->
            post(
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"alg\":\"none\"}".getBytes())
                    + "."
                    + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                            "{\"sub\":\"1\",\"iss\":\"jotter\",\"aud\":\"jotter\",\"groups\":[\"ADMINISTRATOR\"]}"
                                .getBytes())
                    + ".",
                "{ me { email } }",
                null),
        "UNAUTHENTICATED");
  }

  void documents() {
    query("a syntax error", "{ posts(first: 3 { nodes { title } } }", null, "GRAPHQL_PARSE_FAILED");
    query(
        "an unknown field", "{ posts { nodes { password } } }", null, "GRAPHQL_VALIDATION_FAILED");
    query("a missing argument", "{ author { name } }", null, "GRAPHQL_VALIDATION_FAILED");
    query(
        "a variable of the wrong type",
        "query($n: Int) { posts(first: $n) { nodes { title } } }",
        vars("n", "ten"),
        "GRAPHQL_VALIDATION_FAILED",
        "BAD_USER_INPUT");
    query(
        "an undefined variable",
        "{ posts(first: $n) { nodes { title } } }",
        null,
        "GRAPHQL_VALIDATION_FAILED");
    query(
        "more than 10,000 tokens",
        "{ " + "__typename ".repeat(10_001) + "}",
        null,
        "QUERY_TOO_COMPLEX");
    query(
        "a string literal of 2 MB",
        "{ post(slug: \"" + "a".repeat(2_000_000) + "\") { title } }",
        null,
        "QUERY_TOO_COMPLEX",
        "GRAPHQL_PARSE_FAILED");
    query(
        "depth 20",
        "{ posts(first: 1) { nodes { author { posts(first: 1) { nodes { author { posts(first: 1) {"
            + " nodes { author { posts(first: 1) { nodes { author { posts(first: 1) { nodes { author"
            + " { posts(first: 1) { nodes { author { name } } } } } } } } } } } } } } } } } } }",
        null,
        "QUERY_TOO_COMPLEX");
    StringBuilder roots = new StringBuilder("{");
    for (int i = 0; i < 21; i++) {
      roots.append(" r").append(i).append(": __typename");
    }
    query("21 root fields", roots.append(" }").toString(), null, "QUERY_TOO_COMPLEX");
    StringBuilder aliases = new StringBuilder("{ post(slug: \"x\") {");
    for (int i = 0; i < 101; i++) {
      aliases.append(" a").append(i).append(": title");
    }
    query("101 aliases", aliases.append(" } }").toString(), null, "QUERY_TOO_COMPLEX");
    query(
        "a fragment that spreads itself",
        "{ posts { nodes { ...A } } } fragment A on Post { title ...B } fragment B on Post { ...A }",
        null,
        "GRAPHQL_VALIDATION_FAILED");
    StringBuilder bomb = new StringBuilder("{ post(slug: \"x\") { ...F0 } }");
    for (int i = 0; i < 40; i++) {
      bomb.append(" fragment F").append(i).append(" on Post { ...F").append(i + 1);
      bomb.append(" ...F").append(i + 1).append(" }");
    }
    query(
        "40 fragments each spreading the next twice",
        bomb.append(" fragment F40 on Post { title }").toString(),
        null,
        "QUERY_TOO_COMPLEX");
    query(
        "two __schema introspections",
        "{ a: __schema { types { name } } b: __schema { types { name } } }",
        null,
        "QUERY_TOO_COMPLEX",
        "GRAPHQL_VALIDATION_FAILED");
    query(
        "a subscription",
        "subscription { posts { nodes { title } } }",
        null,
        "GRAPHQL_VALIDATION_FAILED",
        "OPERATION_NOT_SUPPORTED");
  }

  void costs() {
    String level =
        "posts(first: $n) { nodes { title html tags { posts(first: $n) { nodes { title html } } } } }";
    query(
        "tags → posts → tags → posts under three aliases, $n absent (the 63 MB query)",
        "query($n: Int) { a: tags { "
            + level
            + " } b: tags { "
            + level
            + " } c: tags { "
            + level
            + " } }",
        null,
        "QUERY_TOO_COMPLEX");
    query(
        "three nested first: 100",
        "{ posts(first: 100) { nodes { author { posts(first: 100) { nodes { author {"
            + " posts(first: 100) { nodes { title } } } } } } } } }",
        null,
        "QUERY_TOO_COMPLEX");
    query(
        "totalCount on every tag's and post's nested connection",
        "{ tags(first: 100) { posts(first: 100) { totalCount nodes { tags { posts(first: 10) {"
            + " totalCount } } } } } }",
        null,
        "QUERY_TOO_COMPLEX");
    query("first: 101", "{ posts(first: 101) { nodes { title } } }", null, "BAD_USER_INPUT");
    query("first: -1", "{ posts(first: -1) { nodes { title } } }", null, "BAD_USER_INPUT");
    query("tags(first: 1000)", "{ tags(first: 1000) { name } }", null, "BAD_USER_INPUT");
    query(
        "related(first: 11)",
        "{ posts(first: 1) { nodes { related(first: 11) { score } } } }",
        null,
        "BAD_USER_INPUT");
    query(
        "first: 2^31",
        "{ posts(first: 2147483648) { nodes { title } } }",
        null,
        "GRAPHQL_VALIDATION_FAILED",
        "BAD_USER_INPUT",
        "QUERY_TOO_COMPLEX");
  }

  void cursorsIdsAndSearch() {
    String posts = "query($a: String) { posts(after: $a) { nodes { title } } }";
    query("a cursor that is not base64", posts, vars("a", "!!!"), "BAD_USER_INPUT");
    query("a cursor of garbage", posts, vars("a", cursor("hello")), "BAD_USER_INPUT");
    query(
        "a cursor in the year 1,000,000,000",
        posts,
        vars("a", cursor("p1|PUBLISHED_AT_DESC|5|+1000000000-01-01T00:00:00Z")),
        "BAD_USER_INPUT");
    query(
        "a cursor with a negative id",
        posts,
        vars("a", cursor("p1|PUBLISHED_AT_DESC|-5|2026-01-01T00:00:00Z")),
        "BAD_USER_INPUT");
    query(
        "a cursor with an id beyond long",
        posts,
        vars("a", cursor("p1|PUBLISHED_AT_DESC|99999999999999999999|2026-01-01T00:00:00Z")),
        "BAD_USER_INPUT");
    query(
        "a cursor of another order",
        posts,
        vars("a", cursor("p1|TITLE_ASC|5|Hello")),
        "BAD_USER_INPUT");
    query("a 100 KB cursor", posts, vars("a", "A".repeat(100_000)), "BAD_USER_INPUT");
    query(
        "a search cursor with a NaN score",
        "query($a: String) { search(query: \"robot\", after: $a) { edges { cursor } } }",
        vars(
            "a",
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    java.nio.ByteBuffer.allocate(13)
                        .put((byte) 's')
                        .putInt(Float.floatToIntBits(Float.NaN))
                        .putLong(5)
                        .array())),
        "BAD_USER_INPUT");
    query(
        "tags after an unknown tag",
        "{ tags(after: \"no-such-tag\") { name } }",
        null,
        "BAD_USER_INPUT");
    query("an id that is not a number", "{ post(id: \"abc\") { title } }", null, "BAD_USER_INPUT");
    query(
        "an id beyond long",
        "{ post(id: \"99999999999999999999999\") { title } }",
        null,
        "BAD_USER_INPUT");
    query("both slug and id", "{ post(slug: \"a\", id: \"1\") { title } }", null, "BAD_USER_INPUT");
    query(
        "a search of 100,000 characters",
        "query($q: String!) { search(query: $q) { totalCount } }",
        vars("q", "robot ".repeat(17_000)),
        "BAD_USER_INPUT");
    query("a blank search", "{ search(query: \"   \") { totalCount } }", null, "BAD_USER_INPUT");
    query(
        "search first: 101",
        "{ search(query: \"robot\", first: 101) { totalCount } }",
        null,
        "BAD_USER_INPUT");
  }

  void signIn() {
    String login =
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }";
    query(
        "a 100 KB email",
        login,
        vars("e", "a".repeat(100_000) + "@x.test", "p", "password"),
        "BAD_USER_INPUT");
    query(
        "a 100 KB password",
        login,
        vars("e", "someone@jotter.test", "p", "p".repeat(100_000)),
        "BAD_USER_INPUT");
    query(
        "a wrong password",
        login,
        vars("e", StaffFixture.ADMIN_EMAIL, "p", "not the password"),
        "UNAUTHENTICATED");
    query(
        "setup of a claimed blog",
        "mutation { setup(email: \"new@jotter.test\", name: \"New\", password: \"a long password\")"
            + " { token } }",
        null,
        "FORBIDDEN");
    as(
        admin,
        "a second sign-in in one document",
        "mutation($p: String!) { a: login(email: \""
            + StaffFixture.ADMIN_EMAIL
            + "\", password: $p) { token } b: login(email: \"x@jotter.test\", password: \"wrong\")"
            + " { token } }",
        vars("p", StaffFixture.PASSWORD),
        "BAD_USER_INPUT");
    query("a staff query without a token", "{ drafts { totalCount } }", null, "UNAUTHENTICATED");
  }

  void staffInput() {
    String create = "mutation($i: PostInput!) { createDraft(input: $i) { id } }";
    as(admin, "an empty title", create, vars("i", input("title", "")), "BAD_USER_INPUT");
    as(admin, "a blank title", create, vars("i", input("title", "   ")), "BAD_USER_INPUT");
    as(
        admin,
        "a 256-character title",
        create,
        vars("i", input("title", "t".repeat(256))),
        "BAD_USER_INPUT");
    as(
        admin,
        "a body of 1 MiB + 1",
        create,
        vars("i", input("title", "Big", "markdown", "x".repeat((1 << 20) + 1))),
        "BAD_USER_INPUT");
    as(
        admin,
        "a table of 100 columns",
        create,
        vars(
            "i",
            input(
                "title", "Wide", "markdown", "|a".repeat(100) + "|\n" + "|-".repeat(100) + "|\n")),
        "BAD_USER_INPUT");
    as(
        admin,
        "25,000 lines",
        create,
        vars("i", input("title", "Long", "markdown", "a\n".repeat(25_000))),
        "BAD_USER_INPUT");
    as(
        admin,
        "quotes nested 40 deep",
        create,
        vars("i", input("title", "Deep", "markdown", ">".repeat(40) + " a")),
        "BAD_USER_INPUT");
    as(
        admin,
        "101 headings",
        create,
        vars("i", input("title", "Heads", "markdown", "# h\n\n".repeat(101))),
        "BAD_USER_INPUT");
    as(
        admin,
        "16 tags",
        create,
        vars(
            "i",
            Json.createObjectBuilder()
                .add("title", "Tags")
                .add("tags", Json.createArrayBuilder(java.util.Collections.nCopies(16, "ai")))
                .build()),
        "BAD_USER_INPUT");
    as(
        admin,
        "an unknown tag",
        create,
        vars(
            "i",
            Json.createObjectBuilder()
                .add("title", "Tags")
                .add("tags", Json.createArrayBuilder().add("no-such-tag"))
                .build()),
        "BAD_USER_INPUT");
    as(
        admin,
        "a slug with spaces",
        create,
        vars("i", input("title", "Slug", "slug", "Hello World")),
        "BAD_USER_INPUT");
    as(
        admin,
        "a javascript: feature image",
        create,
        vars(
            "i",
            Json.createObjectBuilder()
                .add("title", "Image")
                .add("featureImage", Json.createObjectBuilder().add("url", "javascript:alert(1)"))
                .build()),
        "BAD_USER_INPUT");
    as(
        admin,
        "a protocol-relative feature image",
        create,
        vars(
            "i",
            Json.createObjectBuilder()
                .add("title", "Image")
                .add("featureImage", Json.createObjectBuilder().add("url", "//evil.example/x.png"))
                .build()),
        "BAD_USER_INPUT");
    String schedule =
        "mutation($id: ID!, $at: DateTime!) { schedulePost(id: $id, publishAt: $at) { id } }";
    String draft = draftId();
    as(
        admin,
        "scheduling 11 years ahead",
        schedule,
        vars("id", draft, "at", java.time.OffsetDateTime.now().plusYears(11).toString()),
        "BAD_USER_INPUT");
    as(
        admin,
        "scheduling in the past",
        schedule,
        vars("id", draft, "at", "2001-01-01T00:00:00Z"),
        "BAD_USER_INPUT");
    as(
        admin,
        "scheduling in the year 999,999,999",
        schedule,
        vars("id", draft, "at", "+999999999-12-31T23:59:59Z"),
        "BAD_USER_INPUT",
        "GRAPHQL_VALIDATION_FAILED");
    as(
        admin,
        "a date that is not a date",
        schedule,
        vars("id", draft, "at", "tomorrow"),
        "BAD_USER_INPUT",
        "GRAPHQL_VALIDATION_FAILED");
    String update =
        "mutation($id: ID!, $i: PostInput!) { updatePost(id: $id, expectedVersion: 1, input: $i)"
            + " { __typename } }";
    as(
        admin,
        "updating an unknown post",
        update,
        vars("id", "987654321", "i", input("title", "x")),
        "NOT_FOUND");
    as(
        contributor,
        "a contributor publishing",
        "mutation($id: ID!) { publishPost(id: $id) { id } }",
        vars("id", postId),
        "FORBIDDEN");
    as(
        contributor,
        "a contributor deleting a published post",
        "mutation($id: ID!) { deletePost(id: $id) { id } }",
        vars("id", postId),
        "FORBIDDEN");
    as(
        admin,
        "restoring a post that is not in the trash",
        "mutation($id: ID!) { restorePost(id: $id) { id } }",
        vars("id", postId),
        "BAD_USER_INPUT");
    String tag = "mutation($i: TagInput!) { createTag(input: $i) { slug } }";
    as(
        admin,
        "a tag that exists",
        tag,
        vars("i", Json.createObjectBuilder().add("name", "AI").add("slug", "ai").build()),
        "BAD_USER_INPUT");
    as(
        admin,
        "a tag name of 10 KB",
        tag,
        vars("i", Json.createObjectBuilder().add("name", "n".repeat(10_000)).build()),
        "BAD_USER_INPUT");
    as(
        contributor,
        "a contributor creating a tag",
        tag,
        vars("i", Json.createObjectBuilder().add("name", "Mine").build()),
        "FORBIDDEN");
    String profile = "mutation($i: ProfileInput!) { updateMyProfile(input: $i) { name } }";
    as(
        admin,
        "a javascript: website",
        profile,
        vars("i", Json.createObjectBuilder().add("website", "javascript:alert(1)").build()),
        "BAD_USER_INPUT");
    as(
        admin,
        "a protocol-relative avatar",
        profile,
        vars("i", Json.createObjectBuilder().add("avatarUrl", "//evil.example/a.png").build()),
        "BAD_USER_INPUT");
    as(
        admin,
        "a bio of 100 KB",
        profile,
        vars("i", Json.createObjectBuilder().add("bio", "b".repeat(100_000)).build()),
        "BAD_USER_INPUT");
    String createStaff = "mutation($i: StaffInput!) { createStaff(input: $i) { id } }";
    as(
        admin,
        "a staff email of 300 characters",
        createStaff,
        vars(
            "i",
            Json.createObjectBuilder()
                .add("email", "e".repeat(290) + "@x.test")
                .add("name", "E")
                .add("role", "AUTHOR")
                .add("password", "a long password")
                .build()),
        "BAD_USER_INPUT");
    as(
        admin,
        "a staff password of 5 characters",
        createStaff,
        vars(
            "i",
            Json.createObjectBuilder()
                .add("email", "short@jotter.test")
                .add("name", "S")
                .add("role", "AUTHOR")
                .add("password", "short")
                .build()),
        "BAD_USER_INPUT");
    as(
        contributor,
        "a contributor creating staff",
        createStaff,
        vars(
            "i",
            Json.createObjectBuilder()
                .add("email", "c2@jotter.test")
                .add("name", "C")
                .add("role", "ADMINISTRATOR")
                .add("password", "a long password")
                .build()),
        "FORBIDDEN");
    as(
        admin,
        "pinning a post to itself",
        "mutation($id: ID!) { pinRelatedPost(postId: $id, relatedPostId: $id) { id } }",
        vars("id", postId),
        "BAD_USER_INPUT");
    as(
        admin,
        "pinning an unknown post",
        "mutation($id: ID!) { pinRelatedPost(postId: $id, relatedPostId: \"987654321\") { id } }",
        vars("id", postId),
        "BAD_USER_INPUT",
        "NOT_FOUND");
    as(
        contributor,
        "a contributor pinning",
        "mutation($id: ID!) { excludeRelatedPost(postId: $id, relatedPostId: $id) { id } }",
        vars("id", postId),
        "FORBIDDEN",
        "BAD_USER_INPUT");
  }

  /** A draft of the administrator's to schedule (made once, before the snapshots). */
  String draftId() {
    return staff
        .data(admin, "mutation { createDraft(input: {title: \"Hostile schedule\"}) { id } }")
        .getJsonObject("createDraft")
        .getString("id");
  }

  static JsonObject input(String... pairs) {
    var input = Json.createObjectBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      input.add(pairs[i], pairs[i + 1]);
    }
    return input.build();
  }

  /**
   * Characters XML 1.0 forbids, in a contributor's bio and a post title, never reach a feed: one of
   * them would make the feed unreadable for every subscriber.
   */
  @Test
  void charactersXmlForbidsNeverReachAFeed() throws Exception {
    String email = "control" + System.nanoTime() + "@jotter.test";
    staff.create(email, "Control " + System.nanoTime(), "AUTHOR");
    String author = staff.login(email, StaffFixture.PASSWORD);
    JsonObject card =
        staff.data(
            author,
            "mutation($b: String!) { updateMyProfile(input: {bio: $b}) { slug } }",
            "b",
            "Writes\u0001 about\u0008 rockets\uFFFF.");
    String slug = card.getJsonObject("updateMyProfile").getString("slug");
    String id =
        staff
            .data(
                author,
                "mutation($t: String!) { createDraft(input: {title: $t, markdown: \"Body.\"}) { id } }",
                "t",
                "Bell\u0007 and\u001B escape")
            .getJsonObject("createDraft")
            .getString("id");
    staff.data(author, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);
    for (String feed :
        List.of(
            "/rss.xml",
            "/atom.xml",
            "/author/" + slug + "/rss.xml",
            "/author/" + slug + "/atom.xml",
            "/sitemap.xml")) {
      HttpResponse<String> res = client.get(feed);
      assertThat(res.statusCode()).as(feed).isEqualTo(200);
      var xml =
          javax.xml.parsers.DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new java.io.ByteArrayInputStream(res.body().getBytes(StandardCharsets.UTF_8)));
      assertThat(xml.getDocumentElement()).as(feed + " parses").isNotNull();
      if (!feed.equals("/sitemap.xml")) {
        assertThat(res.body()).as(feed).doesNotContain("\u0001").doesNotContain("\u0007");
      }
    }
    assertThat(client.get("/author/" + slug + "/rss.xml").body()).contains("Writes about rockets.");
  }
}
