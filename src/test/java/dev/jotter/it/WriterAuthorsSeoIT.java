package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Co-authors, featured posts and SEO fields over HTTP, as a frontend and a writing app use them:
 * {@code PostInput.authors} with Ghost's rules for who may name whom, {@code posts(featured:)}, and
 * {@code seo { … }} with its derived defaults; bad input gets a clear error and changes nothing.
 */
class WriterAuthorsSeoIT extends StaffIT {

  static final String POST_FIELDS =
      "id version featured author { slug } authors { slug } seo { metaTitle metaDescription"
          + " canonicalUrl ogTitle ogDescription ogImage twitterTitle twitterDescription"
          + " twitterImage }";

  String slugOf(String token) {
    return staff
        .data(token, "{ me { author { slug } } }")
        .getJsonObject("me")
        .getJsonObject("author")
        .getString("slug");
  }

  JsonObject create(String token, JsonObject input) {
    return staff.call(
        token,
        "mutation($i: PostInput!) { createDraft(input: $i) { " + POST_FIELDS + " } }",
        "i",
        input);
  }

  JsonObject update(String token, String id, JsonObject input) {
    long version =
        staff
            .data(admin, "query($id: ID!) { staffPost(id: $id) { version } }", "id", id)
            .getJsonObject("staffPost")
            .getJsonNumber("version")
            .longValue();
    return staff.call(
        token,
        "mutation($id: ID!, $v: BigInteger!, $i: PostInput!) { updatePost(id: $id,"
            + " expectedVersion: $v, input: $i) { __typename ... on EditSaved { post { "
            + POST_FIELDS
            + " } } } }",
        "id",
        id,
        "v",
        version,
        "i",
        input);
  }

  JsonObject staffPost(String id) {
    return staff
        .data(admin, "query($id: ID!) { staffPost(id: $id) { " + POST_FIELDS + " } }", "id", id)
        .getJsonObject("staffPost");
  }

  static List<String> slugs(JsonObject post) {
    return post.getJsonArray("authors").getValuesAs(JsonObject.class).stream()
        .map(a -> a.getString("slug"))
        .toList();
  }

  @Test
  void anEditorSetsCoAuthorsInOrderAndTheFirstIsThePrimaryAuthor() {
    String author = slugOf(staff.as("AUTHOR"));
    String contributor = slugOf(staff.as("CONTRIBUTOR"));
    JsonObject created =
        create(
            staff.as("EDITOR"),
            Json.createObjectBuilder()
                .add("title", "Co-written " + System.nanoTime())
                .add("markdown", "Two minds on orbital mechanics.")
                .add("authors", Json.createArrayBuilder().add(author).add(contributor))
                .add("tags", Json.createArrayBuilder().add("space").add("future"))
                .build());
    assertThat(code(created)).isNull();
    JsonObject post = created.getJsonObject("data").getJsonObject("createDraft");
    assertThat(slugs(post)).containsExactly(author, contributor);
    assertThat(post.getJsonObject("author").getString("slug")).isEqualTo(author);

    JsonObject swapped =
        update(
            staff.as("EDITOR"),
            post.getString("id"),
            Json.createObjectBuilder()
                .add("authors", Json.createArrayBuilder().add(contributor).add(author))
                .add("tags", Json.createArrayBuilder().add("future").add("space"))
                .build());
    assertThat(code(swapped)).as(swapped.toString()).isNull();
    assertThat(slugs(staffPost(post.getString("id")))).containsExactly(contributor, author);
    assertThat(
            staff
                .data(
                    admin,
                    "query($id: ID!) { staffPost(id: $id) { tags { slug } } }",
                    "id",
                    post.getString("id"))
                .getJsonObject("staffPost")
                .getJsonArray("tags")
                .getValuesAs(JsonObject.class))
        .as("reordered tags too (the category is the first)")
        .extracting(t -> t.getString("slug"))
        .containsExactly("future", "space");
  }

  @Test
  void anAuthorAddsCoAuthorsButKeepsThePrimaryAuthorAndThemselves() {
    String token = staff.as("AUTHOR");
    String me = slugOf(token);
    String contributor = slugOf(staff.as("CONTRIBUTOR"));
    String editor = slugOf(staff.as("EDITOR"));

    JsonObject someoneElseFirst =
        create(
            token,
            Json.createObjectBuilder()
                .add("title", "Not mine first")
                .add("authors", Json.createArrayBuilder().add(editor).add(me))
                .build());
    assertThat(code(someoneElseFirst)).isEqualTo("FORBIDDEN");
    assertThat(someoneElseFirst.getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("authors:")
        .contains(me);

    JsonObject created =
        create(
            token,
            Json.createObjectBuilder()
                .add("title", "Mine with a friend " + System.nanoTime())
                .add("authors", Json.createArrayBuilder().add(me).add(contributor))
                .build());
    assertThat(code(created)).isNull();
    String id = created.getJsonObject("data").getJsonObject("createDraft").getString("id");

    JsonObject newPrimary =
        update(
            token,
            id,
            Json.createObjectBuilder()
                .add("authors", Json.createArrayBuilder().add(contributor).add(me))
                .build());
    assertThat(code(newPrimary)).isEqualTo("FORBIDDEN");
    JsonObject leaving =
        update(
            token,
            id,
            Json.createObjectBuilder()
                .add("authors", Json.createArrayBuilder().add(editor))
                .build());
    assertThat(code(leaving)).isEqualTo("FORBIDDEN");
    assertThat(slugs(staffPost(id))).as("nothing changed").containsExactly(me, contributor);

    JsonObject dropped =
        update(
            token,
            id,
            Json.createObjectBuilder().add("authors", Json.createArrayBuilder().add(me)).build());
    assertThat(code(dropped)).isNull();
    assertThat(slugs(staffPost(id))).containsExactly(me);
  }

  @Test
  void unknownOrTooManyAuthorsAreRefusedAndNothingIsSaved() {
    String id =
        create(
                admin,
                Json.createObjectBuilder().add("title", "Authors " + System.nanoTime()).build())
            .getJsonObject("data")
            .getJsonObject("createDraft")
            .getString("id");
    JsonObject before = staffPost(id);
    JsonObject unknown =
        update(
            admin,
            id,
            Json.createObjectBuilder()
                .add("title", "Changed")
                .add("authors", Json.createArrayBuilder().add("nobody-at-all"))
                .build());
    assertThat(code(unknown)).isEqualTo("BAD_USER_INPUT");
    assertThat(unknown.getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("nobody-at-all");
    var eleven = Json.createArrayBuilder();
    for (int i = 0; i < 11; i++) {
      eleven.add("a" + i);
    }
    assertThat(code(update(admin, id, Json.createObjectBuilder().add("authors", eleven).build())))
        .isEqualTo("BAD_USER_INPUT");
    assertThat(
            code(
                update(
                    admin,
                    id,
                    Json.createObjectBuilder().add("authors", Json.createArrayBuilder()).build())))
        .isEqualTo("BAD_USER_INPUT");
    assertThat(staffPost(id)).isEqualTo(before);
  }

  @Test
  void featuredPostsAreListedApartAndCounted() {
    String id =
        create(
                admin,
                Json.createObjectBuilder()
                    .add("title", "A featured thought " + System.nanoTime())
                    .add("markdown", "Featured on the home page.")
                    .add("featured", true)
                    .build())
            .getJsonObject("data")
            .getJsonObject("createDraft")
            .getString("id");
    staff.data(admin, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);
    JsonObject featured =
        client
            .data("{ posts(featured: true, first: 100) { totalCount nodes { id featured } } }")
            .getJsonObject("posts");
    assertThat(nodeIds(featured)).contains(id);
    assertThat(featured.getJsonArray("nodes").getValuesAs(JsonObject.class))
        .allMatch(n -> n.getBoolean("featured"));
    assertThat(featured.getInt("totalCount")).isEqualTo(featured.getJsonArray("nodes").size());
    JsonObject others =
        client
            .data("{ posts(featured: false, first: 100) { nodes { id } } }")
            .getJsonObject("posts");
    assertThat(nodeIds(others)).doesNotContain(id);

    update(admin, id, Json.createObjectBuilder().add("featured", false).build());
    assertThat(
            nodeIds(
                client
                    .data("{ posts(featured: true, first: 100) { nodes { id } } }")
                    .getJsonObject("posts")))
        .as("unfeatured at once: the cached list was dropped")
        .doesNotContain(id);
  }

  @Test
  void seoIsDerivedUntilSetAndClearedBackToTheDefault() {
    String title = "Rockets and SEO " + System.nanoTime();
    JsonObject post =
        create(
                admin,
                Json.createObjectBuilder()
                    .add("title", title)
                    .add("markdown", "Why reusable rockets change everything about orbit.")
                    .add(
                        "featureImage",
                        Json.createObjectBuilder()
                            .add("url", "/images/rocket.jpg")
                            .add("alt", "A rocket"))
                    .build())
            .getJsonObject("data")
            .getJsonObject("createDraft");
    String id = post.getString("id");
    JsonObject derived = post.getJsonObject("seo");
    assertThat(derived.getString("metaTitle")).isEqualTo(title);
    assertThat(derived.getString("metaDescription")).startsWith("Why reusable rockets");
    assertThat(derived.getString("canonicalUrl")).startsWith("http").contains("/p/");
    assertThat(derived.getString("ogTitle")).isEqualTo(title);
    assertThat(derived.getString("ogImage")).startsWith("http").endsWith("/images/rocket.jpg");
    assertThat(derived.getString("twitterImage")).isEqualTo(derived.getString("ogImage"));

    JsonObject set =
        update(
            admin,
            id,
            Json.createObjectBuilder()
                .add(
                    "seo",
                    Json.createObjectBuilder()
                        .add("metaTitle", "Reusable rockets, explained")
                        .add("canonicalUrl", "https://example.com/original")
                        .add("ogImage", "https://images.example.com/og.png"))
                .build());
    assertThat(code(set)).isNull();
    JsonObject seo = staffPost(id).getJsonObject("seo");
    assertThat(seo.getString("metaTitle")).isEqualTo("Reusable rockets, explained");
    assertThat(seo.getString("ogTitle"))
        .as("og:title follows the meta title")
        .isEqualTo("Reusable rockets, explained");
    assertThat(seo.getString("twitterTitle")).isEqualTo("Reusable rockets, explained");
    assertThat(seo.getString("canonicalUrl")).isEqualTo("https://example.com/original");
    assertThat(seo.getString("twitterImage")).isEqualTo("https://images.example.com/og.png");
    JsonObject settings =
        staff
            .data(
                admin,
                "query($id: ID!) { staffPost(id: $id) { seoSettings { metaTitle ogTitle } } }",
                "id",
                id)
            .getJsonObject("staffPost")
            .getJsonObject("seoSettings");
    assertThat(settings.getString("metaTitle")).isEqualTo("Reusable rockets, explained");
    assertThat(settings.get("ogTitle")).as("not set: derived").isEqualTo(JsonValue.NULL);

    JsonObject cleared =
        update(
            admin,
            id,
            Json.createObjectBuilder()
                .add("seo", Json.createObjectBuilder().add("metaTitle", ""))
                .build());
    assertThat(code(cleared)).isNull();
    JsonObject back = staffPost(id).getJsonObject("seo");
    assertThat(back.getString("metaTitle")).isEqualTo(title);
    assertThat(back.getString("canonicalUrl"))
        .as("the other fields stay")
        .isEqualTo("https://example.com/original");
  }

  @Test
  void badSeoFieldsGetClearErrorsAndNothingChanges() {
    String id =
        create(
                admin,
                Json.createObjectBuilder().add("title", "SEO input " + System.nanoTime()).build())
            .getJsonObject("data")
            .getJsonObject("createDraft")
            .getString("id");
    JsonObject before = staffPost(id);
    for (JsonObject seo :
        List.of(
            Json.createObjectBuilder().add("canonicalUrl", "javascript:alert(1)").build(),
            Json.createObjectBuilder().add("canonicalUrl", "/relative").build(),
            Json.createObjectBuilder().add("ogImage", "ftp://x/y.png").build(),
            Json.createObjectBuilder().add("metaTitle", "x".repeat(301)).build(),
            Json.createObjectBuilder().add("metaDescription", "x".repeat(501)).build())) {
      JsonObject res =
          update(
              admin,
              id,
              Json.createObjectBuilder().add("title", "Changed").add("seo", seo).build());
      assertThat(code(res)).as(seo.toString()).isEqualTo("BAD_USER_INPUT");
      assertThat(res.getJsonArray("errors").getJsonObject(0).getString("message"))
          .as(seo.toString())
          .containsIgnoringCase("seo");
    }
    assertThat(staffPost(id)).isEqualTo(before);
    assertThat(
            client
                .data("{ posts(first: 1) { nodes { seo { metaTitle } } } }")
                .getJsonObject("posts")
                .getJsonArray("nodes"))
        .as("readers get seo on every post")
        .allMatch(n -> !n.asJsonObject().getJsonObject("seo").getString("metaTitle").isEmpty());
  }

  static JsonObject input(String title) {
    return vars("title", title);
  }
}
