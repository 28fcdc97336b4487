package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Jotter's HTTP face for frontends on other origins and behind CDNs: CORS, cache headers with
 * entity tags and 304, cache tags, compression, and the response cache's precise invalidation.
 */
class HttpCachingIT extends StaffIT {

  private static final String POST_PAGE =
      "query PostPage($s: String!) { post(slug: $s) { id title tags { name }"
          + " related(first: 3) { post { id title } } } }";
  private static final String HOME =
      "query Home { posts(first: 5) { edges { node { id title } } } }";

  private HttpResponse<String> get(String query, String variables, String... headers) {
    StringBuilder uri = new StringBuilder("/graphql?query=").append(encode(query));
    if (variables != null) {
      uri.append("&variables=").append(encode(variables));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(client.base().resolve(uri.toString()));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.GET().build());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Test
  void preflightFromAnotherOriginIsAnswered_andAnswersAllowAnyOrigin() {
    HttpResponse<String> preflight =
        client.send(
            HttpRequest.newBuilder(client.base().resolve("/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://frontend.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization")
                .build());
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("GET", "POST");
    assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase())
        .contains("content-type", "authorization");
    assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("86400");

    HttpResponse<String> answer = get(HOME, null, "Origin", "http://frontend.example");
    assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(header(answer, "Access-Control-Expose-Headers")).contains("ETag");
  }

  @Test
  void anonymousGetAnswersAreCacheable_withEntityTagsAnd304() {
    HttpResponse<String> first = get(HOME, null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(header(first, "Cache-Control"))
        .isEqualTo("public, max-age=60, stale-while-revalidate=300");
    assertThat(header(first, "Vary")).contains("Accept", "Authorization");
    String etag = header(first, "ETag");
    assertThat(etag).matches("\"[A-Za-z0-9_-]{27}\"");

    HttpResponse<String> again = get(HOME, null, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(header(again, "ETag")).isEqualTo(etag);
    assertThat(get(HOME, null, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
  }

  @Test
  void staffAnswersMutationsAndErrorsAreNeverStored() {
    HttpResponse<String> staffGet = get(HOME, null, "Authorization", "Bearer " + admin);
    assertThat(staffGet.statusCode()).isEqualTo(200);
    assertThat(header(staffGet, "Cache-Control")).isEqualTo("private, no-store");
    assertThat(header(staffGet, "ETag")).isNull();

    HttpResponse<String> error = get("{ post(slug: 1) { title } }", null);
    assertThat(header(error, "Cache-Control")).isEqualTo("private, no-store");

    HttpResponse<String> post =
        client.post(
            Json.createObjectBuilder().add("query", HOME).build().toString(), "application/json");
    assertThat(header(post, "Cache-Control")).isEqualTo("private, no-store");
  }

  @Test
  void answersListWhatTheyShowAsCacheTags() {
    String id =
        client
            .data(HOME)
            .getJsonObject("posts")
            .getJsonArray("edges")
            .getJsonObject(0)
            .getJsonObject("node")
            .getString("id");
    HttpResponse<String> home = get(HOME, null);
    assertThat(List.of(header(home, "Cache-Tag").split(","))).contains("Query.posts", "post:" + id);
    assertThat(header(home, "Surrogate-Key"))
        .isEqualTo(header(home, "Cache-Tag").replace(',', ' '));

    HttpResponse<String> many =
        get("{ posts(first: 100) { edges { node { id tags { id } authors { id } } } } }", null);
    assertThat(header(many, "Cache-Tag").length()).isLessThanOrEqualTo(1024);
  }

  @Test
  void textIsCompressedForClientsThatAskForIt() throws Exception {
    HttpResponse<InputStream> response =
        gzipGet("/graphql?query=" + encode("{ posts(first: 20) { edges { node { html } } } }"));
    assertThat(header(response, "Content-Encoding")).isEqualTo("gzip");
    String body;
    try (InputStream in = new GZIPInputStream(response.body())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      body = out.toString(StandardCharsets.UTF_8);
    }
    assertThat(body).startsWith("{\"data\":{\"posts\"");
    assertThat(header(gzipGet("/app/style.css"), "Content-Encoding")).isEqualTo("gzip");
    assertThat(header(gzipGet("/rss.xml"), "Content-Encoding")).isEqualTo("gzip");
  }

  private HttpResponse<InputStream> gzipGet(String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(client.base().resolve(path))
                .header("Accept-Encoding", "gzip")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
  }

  @Test
  void aPublishDropsTheListsAndWhatItTouches_notEveryPostPage() {
    String slug = "twenty-minutes-to-mars";
    String vars = "{\"s\":\"" + slug + "\"}";
    get(POST_PAGE, vars);
    get(HOME, null);
    assertThat(header(get(POST_PAGE, vars), "X-Jotter-Cache")).isEqualTo("hit");
    assertThat(header(get(HOME, null), "X-Jotter-Cache")).isEqualTo("hit");

    String id = publish("Qzxv Wqpl", "Vrrk plmx zzqq wwtt.", "cache-test-unrelated");

    HttpResponse<String> home = get(HOME, null);
    assertThat(header(home, "X-Jotter-Cache")).isEqualTo("miss");
    assertThat(home.body()).contains("\"id\":\"" + id + "\""); // published, then at once visible
    assertThat(header(get(POST_PAGE, vars), "X-Jotter-Cache")).isEqualTo("hit");
  }

  @Test
  void editingAPostDropsEveryAnswerThatShowsIt() {
    String slug = "twenty-minutes-to-mars";
    String vars = "{\"s\":\"" + slug + "\"}";
    JsonObject page = GraphQLClient.json(get(POST_PAGE, vars).body()).getJsonObject("data");
    JsonObject related =
        page.getJsonObject("post").getJsonArray("related").getJsonObject(0).getJsonObject("post");
    assertThat(header(get(POST_PAGE, vars), "X-Jotter-Cache")).isEqualTo("hit");

    JsonObject post =
        staff
            .data(
                admin,
                "query($id: ID!) { staffPost(id: $id) { version title } }",
                "id",
                related.getString("id"))
            .getJsonObject("staffPost");
    String title = post.getString("title") + " (revised)";
    staff.data(
        admin,
        "mutation($id: ID!, $v: BigInteger!, $t: String!) { updatePost(id: $id, expectedVersion: $v,"
            + " input: { title: $t }) { ... on EditSaved { post { title } } } }",
        "id",
        related.getString("id"),
        "v",
        post.getInt("version"),
        "t",
        title);

    HttpResponse<String> after = get(POST_PAGE, vars);
    assertThat(header(after, "X-Jotter-Cache")).isEqualTo("miss");
    assertThat(after.body()).contains(title);
  }

  @Test
  void redescribingATagDropsItsPage() {
    String query = "query T($s: String!) { tag(slug: $s) { name description } }";
    String id = publish("Cache tag page", "Words for the tag page.", "cache-test-tag");
    assertThat(id).isNotNull();
    String vars = "{\"s\":\"cache-test-tag\"}";
    get(query, vars);
    assertThat(header(get(query, vars), "X-Jotter-Cache")).isEqualTo("hit");
    staff.data(
        admin,
        "mutation { updateTag(slug: \"cache-test-tag\", input: { description: \"Now described\" })"
            + " { name } }");
    HttpResponse<String> after = get(query, vars);
    assertThat(header(after, "X-Jotter-Cache")).isEqualTo("miss");
    assertThat(after.body()).contains("Now described");
  }

  private String publish(String title, String markdown, String tag) {
    staff.call(
        admin,
        "mutation($n: String!) { createTag(input: { name: $n, slug: $n }) { slug } }",
        "n",
        tag); // an error when it exists already: either way it is there
    String id =
        staff
            .data(
                admin,
                "mutation($t: String!, $m: String!, $g: String!) { createDraft(input: { title: $t,"
                    + " markdown: $m, tags: [$g] }) { id } }",
                "t",
                title,
                "m",
                markdown,
                "g",
                tag)
            .getJsonObject("createDraft")
            .getString("id");
    staff.data(admin, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);
    return id;
  }
}
