package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jotter's own GraphQL-over-HTTP transport: the spec's audits (graphql-http), and every malformed
 * request answered with a 4xx JSON error, never a 500 or an HTML page.
 */
class GraphQLOverHttpIT extends HttpIT {

  /**
   * Runs graphql-http's serverAudits (Node, src/test/http-audit, installed by the build): every
   * MUST and every SHOULD passes, except those audit.mjs lists as skipped on purpose.
   */
  @Test
  void passesTheGraphQLOverHttpAudits() throws Exception {
    File auditDir = new File(System.getProperty("jotter.audit.dir", "src/test/http-audit"));
    BoundedProcess.Result node =
        BoundedProcess.run(
            auditDir,
            Map.of(),
            Duration.ofSeconds(120),
            "node",
            "audit.mjs",
            base.toURI().resolve("/graphql").toString());
    String output = node.output();
    System.out.println(output);
    assertThat(output).contains("audits: 61,").contains("failing MUST/SHOULD: 0");
    assertThat(node.exitCode()).as(output).isZero();
  }

  @Test
  void queriesRunOverGet() {
    HttpResponse<String> res =
        client.get(
            "/graphql?query="
                + encode("query Q($n: Int) { posts(first: $n) { nodes { slug } } }")
                + "&operationName=Q&variables="
                + encode("{\"n\": 2}"));
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).startsWith("{\"data\":{\"posts\":{\"nodes\":[{\"slug\":");
  }

  @Test
  void mutationsOverGetAreRefusedWith405() {
    HttpResponse<String> res = client.get("/graphql?query=" + encode("mutation { x }"));
    assertThat(res.statusCode()).isEqualTo(405);
    assertThat(res.headers().firstValue("Allow")).hasValue("POST");
    assertJsonError(res, "METHOD_NOT_ALLOWED");
  }

  @Test
  void malformedRequestsGetA4xxJsonError() {
    assertJsonError(client.post("not json", "application/json"), 400, "BAD_REQUEST");
    assertJsonError(client.post("[1, 2]", "application/json"), 400, "BAD_REQUEST");
    assertJsonError(client.post("{\"query\": 42}", "application/json"), 400, "BAD_REQUEST");
    assertJsonError(
        client.post("{\"query\": \"{ tags { name } }\", \"variables\": [1]}", "application/json"),
        400,
        "BAD_REQUEST");
    assertJsonError(client.post("{ tags { name } }", "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
    assertJsonError(
        client.post("{\"query\": \"{ a }\"}", "application/json; charset=latin1"),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertJsonError(
        client.post(
            "{\"query\": \"query A { tags { name } } query B { authors { name } }\"}",
            "application/json"),
        400,
        "BAD_REQUEST");
    assertJsonError(
        client.post(
            "{\"query\": \"{ tags { name } }\", \"operationName\": \"Missing\"}",
            "application/json"),
        400,
        "BAD_REQUEST");
    assertJsonError(
        client.send(
            HttpRequest.newBuilder(uri("/graphql"))
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}"))
                .build()),
        405,
        "METHOD_NOT_ALLOWED");
    assertJsonError(client.get("/graphql"), 400, "BAD_REQUEST");
  }

  @Test
  void aContentTypeSentTwiceByABrowserIsStillJson() {
    HttpResponse<String> res =
        client.post("{\"query\": \"{ tags { name } }\"}", "application/json, application/json");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(res.body()).startsWith("{\"data\":{\"tags\":[");
  }

  @Test
  void aRequestBodyOverTheLimitIsRefusedWith413() {
    String padding = "#".repeat(4 * 1024 * 1024);
    String body = "{\"query\": \"{ tags { name } }\\n" + padding + "\"}";
    assertJsonError(client.post(body, "application/json"), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void theGraphQLResponseMediaTypeAnswersRequestErrorsWith400() {
    HttpResponse<String> res =
        client.send(
            HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ posts { nope } }\"}"))
                .build());
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/graphql-response+json");
    assertThat(GraphQLClient.json(res.body()).containsKey("data")).isFalse();
  }

  @Test
  void graphiqlWorksWithoutTheInternet() {
    HttpResponse<String> ui = client.get("/graphql-ui/");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("graphiql.min.js").doesNotContain("src=\"http");
    assertThat(client.get("/graphql-ui/graphiql.min.js").statusCode()).isEqualTo(200);
    assertThat(client.get("/graphql-ui/render.js").body()).contains("const api = '/graphql'");
  }

  @Test
  void healthReportsTheDatabaseUp() {
    HttpResponse<String> health = client.get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"database\"");
  }

  private URI uri(String path) {
    return client.base().resolve(path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void assertJsonError(HttpResponse<String> res, int status, String code) {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    assertJsonError(res, code);
  }

  private static void assertJsonError(HttpResponse<String> res, String code) {
    assertThat(res.headers().firstValue("Content-Type")).get().asString().contains("json");
    assertThat(
            GraphQLClient.json(res.body())
                .getJsonArray("errors")
                .getJsonObject(0)
                .getJsonObject("extensions")
                .getString("code"))
        .isEqualTo(code);
  }
}
