package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader side of the GraphQL API, used over HTTP as a frontend would, on the demo blog. */
class ReaderApiIT extends HttpIT {

  /** The README's first query: what a reader's post page shows. */
  static final String POST_PAGE_QUERY =
      """
      query PostPage($slug: String!) {
        post(slug: $slug) {
          title
          primaryTag { name }
          readingTime { label }
          html
          headings { level text anchor }
          author { name bio avatarUrl }
        }
      }""";

  @Test
  void thePostPageQueryReturnsWhatAReaderSees() {
    JsonObject post =
        client
            .data(
                POST_PAGE_QUERY,
                Json.createObjectBuilder().add("slug", "twenty-minutes-to-mars").build())
            .getJsonObject("post");

    assertThat(post.getString("title")).isNotBlank();
    assertThat(post.getJsonObject("primaryTag").getString("name")).isEqualTo("Space");
    assertThat(post.getJsonObject("readingTime").getString("label")).matches("\\d+ min read");
    assertThat(post.getString("html")).contains("<h2 id=\"").doesNotContain("<script");
    assertThat(post.getJsonArray("headings")).isNotEmpty();
    JsonObject author = post.getJsonObject("author");
    assertThat(author.getString("name")).isEqualTo("astro");
    assertThat(author.getString("bio"))
        .isEqualTo(
            "Thinking about AI, robots, space, and the future."
                + " Writing it down so I don't forget.");
  }

  @Test
  void anUnknownSlugIsNullNotAnError() {
    JsonObject data =
        client.data(
            "{ post(slug: \"no-such-post\") { title }"
                + " author(slug: \"nobody\") { name } tag(slug: \"nothing\") { name } }");
    assertThat(data.get("post")).isEqualTo(JsonValue.NULL);
    assertThat(data.get("author")).isEqualTo(JsonValue.NULL);
    assertThat(data.get("tag")).isEqualTo(JsonValue.NULL);
  }

  @Test
  void pagingWalksEveryPublishedPostOnceInOrder() {
    int total = client.data("{ posts { totalCount } }").getJsonObject("posts").getInt("totalCount");
    List<String> seen = new ArrayList<>();
    List<String> publishedAt = new ArrayList<>();
    String after = null;
    boolean hasNext = true;
    while (hasNext) {
      JsonObject page =
          client
              .data(
                  "query($after: String) { posts(first: 5, after: $after) {"
                      + " edges { cursor node { slug publishedAt } }"
                      + " pageInfo { hasNextPage endCursor } } }",
                  after == null ? null : Json.createObjectBuilder().add("after", after).build())
              .getJsonObject("posts");
      for (JsonValue edge : page.getJsonArray("edges")) {
        JsonObject node = edge.asJsonObject().getJsonObject("node");
        seen.add(node.getString("slug"));
        publishedAt.add(node.getString("publishedAt"));
      }
      hasNext = page.getJsonObject("pageInfo").getBoolean("hasNextPage");
      after = page.getJsonObject("pageInfo").getString("endCursor", null);
      assertThat(seen.size()).as("paging must end").isLessThanOrEqualTo(total);
    }
    assertThat(seen).hasSize(total).doesNotHaveDuplicates();
    assertThat(publishedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void postsCanBeNarrowedToATagOrAnAuthor() {
    JsonObject data =
        client.data(
            "{ space: posts(tag: \"space\", first: 100) {"
                + " nodes { tags { slug } } totalCount }"
                + " nova: posts(author: \"nova\") { nodes { slug authors { slug } author { slug } } } }");
    List<JsonObject> space =
        data.getJsonObject("space").getJsonArray("nodes").getValuesAs(JsonObject.class);
    assertThat(space).isNotEmpty().hasSize(data.getJsonObject("space").getInt("totalCount"));
    assertThat(space).allSatisfy(p -> assertThat(slugs(p, "tags")).contains("space"));

    JsonObject coAuthored = data.getJsonObject("nova").getJsonArray("nodes").getJsonObject(0);
    assertThat(slugs(coAuthored, "authors")).containsExactly("astro", "nova");
    assertThat(coAuthored.getJsonObject("author").getString("slug")).isEqualTo("astro");
  }

  @Test
  void internalTagsAreNeverShownToReaders() {
    JsonObject data =
        client.data(
            "{ tag(slug: \"hash-demo\") { name }"
                + " tags { slug name postCount } posts(first: 100) { nodes { tags { name } } } }");
    assertThat(data.get("tag")).isEqualTo(JsonValue.NULL);
    assertThat(data.getJsonArray("tags").getValuesAs(JsonObject.class))
        .isNotEmpty()
        .noneMatch(t -> t.getString("name").startsWith("#"));
    for (JsonObject post :
        data.getJsonObject("posts").getJsonArray("nodes").getValuesAs(JsonObject.class)) {
      assertThat(post.getJsonArray("tags").getValuesAs(JsonObject.class))
          .noneMatch(t -> t.getString("name").startsWith("#"));
    }
    JsonObject none = client.data("{ posts(tag: \"hash-demo\") { totalCount nodes { slug } } }");
    assertThat(none.getJsonObject("posts").getInt("totalCount")).isZero();
  }

  @Test
  void tagsAndAuthorsCountTheirPublishedPosts() {
    JsonObject data =
        client.data(
            "{ tag(slug: \"space\") { postCount posts(first: 100) {"
                + " totalCount } } author(slug: \"astro\") { postCount posts(first: 100) { totalCount } } }");
    JsonObject tag = data.getJsonObject("tag");
    assertThat(tag.getInt("postCount"))
        .isPositive()
        .isEqualTo(tag.getJsonObject("posts").getInt("totalCount"));
    JsonObject author = data.getJsonObject("author");
    assertThat(author.getInt("postCount"))
        .isGreaterThanOrEqualTo(10)
        .isEqualTo(author.getJsonObject("posts").getInt("totalCount"));
  }

  @Test
  void otherOrdersArePagedWithTheirOwnCursors() {
    JsonObject first =
        client
            .data(
                "{ posts(first: 3, orderBy: TITLE_ASC) {"
                    + " nodes { title } pageInfo { endCursor } } }")
            .getJsonObject("posts");
    String cursor = first.getJsonObject("pageInfo").getString("endCursor");
    JsonObject next =
        client
            .data(
                "query($c: String) { posts(first: 3, after: $c, orderBy: TITLE_ASC)"
                    + " { nodes { title } } }",
                Json.createObjectBuilder().add("c", cursor).build())
            .getJsonObject("posts");
    List<String> titles = new ArrayList<>(titles(first));
    titles.addAll(titles(next));
    assertThat(titles).hasSize(6).doesNotHaveDuplicates();

    JsonObject mixed =
        client.query(
            "query($c: String) { posts(after: $c, orderBy: PUBLISHED_AT_ASC)" + " { totalCount } }",
            Json.createObjectBuilder().add("c", cursor).build());
    assertThat(code(mixed)).isEqualTo("BAD_USER_INPUT");
  }

  @Test
  void badArgumentsAreClearErrorsWithACode() {
    for (String query :
        List.of(
            "{ posts(first: -1) { totalCount } }",
            "{ posts(first: 101) { totalCount } }",
            "{ posts(after: \"not-a-cursor\") { totalCount } }",
            "{ author(slug: \"astro\") { posts(first: 1000) { totalCount } } }")) {
      JsonObject response = client.query(query);
      assertThat(code(response)).as(query).isEqualTo("BAD_USER_INPUT");
      assertThat(message(response)).as(query).matches("(first|after).*");
    }
  }

  @Test
  void anArgumentGivenAsNullGetsItsDefault() {
    // an explicit null reached the resolvers' int parameters: INTERNAL_SERVER_ERROR
    String slug = client.newestPostSlug();
    for (String fields :
        List.of(
            "posts(first: null) { nodes { slug } }",
            "tags(first: null) { slug }",
            "authors(first: null) { slug }",
            "author(slug: \"astro\") { posts(first: null) { nodes { slug } } }",
            "search(query: \"robot\", first: null) { totalCount edges { node { post { slug } } } }",
            "post(slug: \"" + slug + "\") { related(first: null) { post { slug } } }")) {
      JsonObject withNull = client.query("{ " + fields + " }");
      assertThat(withNull.get("errors")).as(fields).isNull();
      JsonObject without =
          client.query(
              "{ " + fields.replace("(first: null)", "").replace(", first: null", "") + " }");
      assertThat(withNull.getJsonObject("data"))
          .as(fields)
          .isEqualTo(without.getJsonObject("data"));
    }
    JsonObject byVariable =
        client.query(
            "query($n: Int) { posts(first: $n) { nodes { slug } } }",
            Json.createObjectBuilder().addNull("n").build());
    assertThat(byVariable.get("errors")).isNull();
    assertThat(byVariable.getJsonObject("data"))
        .isEqualTo(client.data("{ posts { nodes { slug } } }"));
  }

  @Test
  void everyGraphQLErrorCarriesACode() {
    assertThat(code(client.query("{ posts { nope } }"))).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    assertThat(code(client.query("{ posts { "))).isEqualTo("GRAPHQL_PARSE_FAILED");
    assertThat(code(client.query("{ post(nope: 1) { title } }")))
        .isEqualTo("GRAPHQL_VALIDATION_FAILED");
    assertThat(code(client.query("{ post { title } }"))).isEqualTo("BAD_USER_INPUT");
    assertThat(
            code(
                client.query(
                    "query($n: Int!) { posts(first: $n) { totalCount } }",
                    Json.createObjectBuilder().add("n", "ten").build())))
        .isEqualTo("GRAPHQL_VALIDATION_FAILED");
    String deep = "{ posts(first: 1) { nodes { title } } }";
    for (int level = 0; level < 6; level++) {
      deep = deep.replace("{ title }", "{ author { posts(first: 1) { nodes { title } } } }");
    }
    assertThat(code(client.query(deep))).isEqualTo("QUERY_TOO_COMPLEX");
    String wide =
        "{ posts(first: 100) { nodes { author { posts(first: 100) { nodes {"
            + " author { posts(first: 100) { nodes { title } } } } } } } } }";
    JsonObject tooMany = client.query(wide);
    assertThat(code(tooMany)).isEqualTo("QUERY_TOO_COMPLEX");
    assertThat(message(tooMany)).contains("the limit is");
  }

  static List<String> slugs(JsonObject object, String field) {
    return object.getJsonArray(field).getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("slug"))
        .toList();
  }

  static List<String> titles(JsonObject connection) {
    return connection.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("title"))
        .toList();
  }

  static String code(JsonObject response) {
    assertThat(response.containsKey("errors")).as("errors in " + response).isTrue();
    return response
        .getJsonArray("errors")
        .getJsonObject(0)
        .getJsonObject("extensions")
        .getString("code");
  }

  static String message(JsonObject response) {
    return response.getJsonArray("errors").getJsonObject(0).getString("message");
  }
}
