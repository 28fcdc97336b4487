package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Related thinking, search and the archive over HTTP, on the demo blog. */
class DiscoveryApiIT extends HttpIT {

  static final String RELATED =
      """
      query($slug: String!) { post(slug: $slug) { id tags { slug }
        related(first: 3) { score reasons sharedTags { slug } post { id slug title
          primaryTag { name } readingTime { label } } } } }""";

  @Test
  void everyDemoPostHasSensibleExplainedRelatedPosts() {
    for (String slug : DemoBlog.postSlugs()) {
      JsonObject post = related(slug);
      List<JsonObject> related = post.getJsonArray("related").getValuesAs(JsonObject.class);
      assertThat(related).as(slug).isNotEmpty().hasSizeLessThanOrEqualTo(3);
      for (JsonObject r : related) {
        assertThat(r.getJsonObject("post").getString("id")).isNotEqualTo(post.getString("id"));
        assertThat(r.getJsonNumber("score").doubleValue()).isBetween(0.0, 1.0);
        assertThat(r.getJsonArray("reasons")).isNotEmpty();
        assertThat(r.getJsonArray("sharedTags").getValuesAs(JsonObject.class))
            .allSatisfy(
                t -> assertThat(ReaderApiIT.slugs(post, "tags")).contains(t.getString("slug")));
      }
    }
  }

  @Test
  void relatedListsAreTheSameEveryTime() {
    assertThat(related("twenty-minutes-to-mars")).isEqualTo(related("twenty-minutes-to-mars"));
  }

  @Test
  void aPageOfPostsWithRelatedIsOneRequest() {
    JsonObject data =
        client.data(
            "{ posts(first: 12) { nodes { slug related(first: 2) {"
                + " post { slug } reasons } } } }");
    assertThat(data.getJsonObject("posts").getJsonArray("nodes").getValuesAs(JsonObject.class))
        .allSatisfy(p -> assertThat(p.getJsonArray("related")).hasSizeLessThanOrEqualTo(2));
  }

  @Test
  void searchFindsThePostAndMarksTheWords() {
    JsonObject search = search("mars delay", 10, null);
    List<JsonObject> hits = nodes(search);
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).getJsonObject("post").getString("slug"))
        .isEqualTo("twenty-minutes-to-mars");
    assertThat(hits.get(0).getString("snippet")).contains("<mark>");
    assertThat(search.getInt("totalCount")).isGreaterThanOrEqualTo(hits.size());
  }

  @Test
  void pagingThroughSearchHitsNeverRepeatsOrSkips() {
    List<String> all = new ArrayList<>();
    nodes(search("the future of robots and space", 100, null))
        .forEach(h -> all.add(h.getJsonObject("post").getString("slug")));
    List<String> paged = new ArrayList<>();
    String after = null;
    do {
      JsonObject page = search("the future of robots and space", 3, after);
      nodes(page).forEach(h -> paged.add(h.getJsonObject("post").getString("slug")));
      after =
          page.getJsonObject("pageInfo").getBoolean("hasNextPage")
              ? page.getJsonObject("pageInfo").getString("endCursor")
              : null;
    } while (after != null);
    assertThat(paged).isEqualTo(all).doesNotHaveDuplicates();
  }

  @Test
  void anyUserTextIsSafeToSearchFor() {
    for (String text :
        List.of(
            "\"unbalanced quote",
            "robots AND NOT space OR",
            "*",
            "?",
            "title:mars",
            "\\",
            "(((",
            ")]}",
            "<script>alert(1)</script>",
            "a".repeat(10_240),
            "mars ".repeat(2_000),
            "🚀 火星")) {
      JsonObject response =
          client.query(
              "query($q: String!) { search(query: $q) {"
                  + " totalCount edges { node { snippet } } } }",
              Json.createObjectBuilder().add("q", text).build());
      assertThat(response.containsKey("errors"))
          .as(text.substring(0, Math.min(40, text.length())))
          .isFalse();
      response
          .getJsonObject("data")
          .getJsonObject("search")
          .getJsonArray("edges")
          .forEach(
              e ->
                  assertThat(e.asJsonObject().getJsonObject("node").getString("snippet"))
                      .doesNotContain("<script"));
    }
    JsonObject blank = client.query("{ search(query: \"  \") { totalCount } }");
    assertThat(ReaderApiIT.code(blank)).isEqualTo("BAD_USER_INPUT");
    JsonObject badCursor = client.query("{ search(query: \"mars\", after: \"x\") { totalCount } }");
    assertThat(ReaderApiIT.code(badCursor)).isEqualTo("BAD_USER_INPUT");
  }

  @Test
  void theArchiveCountsEveryPublishedPost() {
    JsonObject data = client.data("{ archive { year month count } posts { totalCount } }");
    int sum =
        data.getJsonArray("archive").getValuesAs(JsonObject.class).stream()
            .mapToInt(m -> m.getInt("count"))
            .sum();
    assertThat(sum).isEqualTo(data.getJsonObject("posts").getInt("totalCount"));
  }

  private JsonObject related(String slug) {
    return client
        .data(RELATED, Json.createObjectBuilder().add("slug", slug).build())
        .getJsonObject("post");
  }

  private JsonObject search(String query, int first, String after) {
    var variables = Json.createObjectBuilder().add("q", query).add("first", first);
    variables.add("after", after == null ? JsonValue.NULL : Json.createValue(after));
    return client
        .data(
            "query($q: String!, $first: Int, $after: String) {"
                + " search(query: $q, first: $first, after: $after) { totalCount"
                + " edges { node { score snippet post { slug } } } pageInfo { hasNextPage endCursor } } }",
            variables.build())
        .getJsonObject("search");
  }

  private static List<JsonObject> nodes(JsonObject connection) {
    return connection.getJsonArray("edges").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getJsonObject("node"))
        .toList();
  }
}
