package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jotter.platform.graphql.PersistedQueries;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Apollo's automatic persisted queries over GET and POST, checked hashes, editors registering
 * documents, the feed of cache keys to purge, and staff tokens refused from other origins.
 */
class PersistedQueriesIT extends StaffIT {

  private static String extensions(String hash) {
    return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
  }

  private HttpResponse<String> getByHash(String hash) {
    return client.get(
        "/graphql?extensions=" + URLEncoder.encode(extensions(hash), StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String body) {
    return client.post(body, "application/json");
  }

  private static String code(HttpResponse<String> response) {
    return StaffFixture.code(GraphQLClient.json(response.body()));
  }

  @Test
  void anUnknownHashIsNotFound_thenTheDocumentRegistersIt_overGetAndPost() {
    String query = "query Apq { tags { slug } } # " + System.nanoTime();
    String hash = PersistedQueries.hash(query);

    HttpResponse<String> unknown = getByHash(hash);
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(code(unknown)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    assertThat(unknown.headers().firstValue("Cache-Control")).hasValue("private, no-store");

    HttpResponse<String> registered =
        post(
            Json.createObjectBuilder()
                .add("query", query)
                .add("extensions", GraphQLClient.json(extensions(hash)))
                .build()
                .toString());
    assertThat(code(registered)).isNull();

    HttpResponse<String> byGet = getByHash(hash);
    assertThat(byGet.statusCode()).isEqualTo(200);
    assertThat(byGet.body()).isEqualTo(registered.body());
    assertThat(byGet.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
    HttpResponse<String> byPost = post("{\"extensions\":" + extensions(hash) + "}");
    assertThat(byPost.body()).isEqualTo(registered.body());
  }

  @Test
  void aHashThatIsNotTheDocumentsIsRefused() {
    String wrong = "0".repeat(64);
    HttpResponse<String> mismatch =
        post("{\"query\":\"{ tags { slug } }\",\"extensions\":" + extensions(wrong) + "}");
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(code(mismatch)).isEqualTo("BAD_REQUEST");
    assertThat(mismatch.body()).contains("provided sha does not match query");

    assertThat(
            post("{\"extensions\":{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\""
                    + wrong
                    + "\"}}}")
                .statusCode())
        .isEqualTo(400);
    assertThat(code(getByHash("not-a-hash"))).isEqualTo("BAD_REQUEST");
    assertThat(code(post("{\"extensions\":{\"persistedQuery\":[]}}"))).isEqualTo("BAD_REQUEST");
  }

  @Test
  void editorsRegisterDocuments_othersMayNot_andABadOneRegistersNothing() {
    String good = "query Registered { tags { name } } # " + System.nanoTime();
    JsonObject registered =
        staff.data(
            staff.as("EDITOR"),
            "mutation($d: [String!]!) { registerPersistedQueries(documents: $d) }",
            "d",
            Json.createArrayBuilder().add(good).build());
    assertThat(registered.getJsonArray("registerPersistedQueries").getString(0))
        .isEqualTo(PersistedQueries.hash(good));
    assertThat(code(getByHash(PersistedQueries.hash(good)))).isNull();

    assertThat(
            StaffFixture.code(
                staff.call(
                    staff.as("CONTRIBUTOR"),
                    "mutation($d: [String!]!) { registerPersistedQueries(documents: $d) }",
                    "d",
                    Json.createArrayBuilder().add("{ tags { slug } }").build())))
        .isEqualTo("FORBIDDEN");

    String alsoGood = "query AlsoGood { tags { slug } } # " + System.nanoTime();
    JsonObject bad =
        staff.call(
            admin,
            "mutation($d: [String!]!) { registerPersistedQueries(documents: $d) }",
            "d",
            Json.createArrayBuilder().add(alsoGood).add("{ not graphql").build());
    assertThat(StaffFixture.code(bad)).isEqualTo("BAD_USER_INPUT");
    assertThat(bad.toString()).contains("documents[1]");
    assertThat(code(getByHash(PersistedQueries.hash(alsoGood))))
        .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
  }

  @Test
  void thePurgeFeedListsWhatEachChangeMadeStale() {
    String head = lastChangeId();
    String id =
        staff
            .data(
                admin,
                "mutation { createDraft(input: { title: \"Purge me\", markdown: \"Words.\" }) { id } }")
            .getJsonObject("createDraft")
            .getString("id");
    staff.data(admin, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);

    List<JsonObject> purges =
        staff
            .data(
                admin, "query($a: ID) { cachePurges(after: $a) { changeId kind keys } }", "a", head)
            .getJsonArray("cachePurges")
            .getValuesAs(JsonObject.class);
    JsonObject published =
        purges.stream()
            .filter(p -> p.getString("kind").equals("post-published"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(published.getJsonArray("keys").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .contains("post:" + id, "Query.posts", "Query.search", "overflow");
    assertThat(StaffFixture.code(staff.call(staff.as("AUTHOR"), "{ cachePurges { changeId } }")))
        .isEqualTo("FORBIDDEN");
  }

  private String lastChangeId() {
    List<JsonObject> all =
        staff
            .data(admin, "{ cachePurges(first: 100) { changeId } }")
            .getJsonArray("cachePurges")
            .getValuesAs(JsonObject.class);
    String last = null;
    List<JsonObject> page = all;
    while (!page.isEmpty()) {
      last = page.get(page.size() - 1).getString("changeId");
      page =
          staff
              .data(admin, "query($a: ID) { cachePurges(after: $a) { changeId } }", "a", last)
              .getJsonArray("cachePurges")
              .getValuesAs(JsonObject.class);
    }
    return last;
  }

  @Test
  void staffTokensAreRefusedFromOtherOrigins_butWorkFromTheBlogsOwnPages() {
    String body = "{\"query\":\"{ me { email } }\"}";
    HttpResponse<String> foreign =
        client.send(
            HttpRequest.newBuilder(client.base().resolve("/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin)
                .header("Origin", "http://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(code(foreign)).isEqualTo("FORBIDDEN");

    String own = "http://" + client.base().getHost() + ":" + client.base().getPort();
    HttpResponse<String> fromOwnPage =
        client.send(
            HttpRequest.newBuilder(client.base().resolve("/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin)
                .header("Origin", own)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(code(fromOwnPage)).isNull();
  }
}
