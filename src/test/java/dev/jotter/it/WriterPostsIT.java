package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An author's day over HTTP: write a draft, edit it, publish it, rename it, restore a revision,
 * delete and restore it; what readers see at each step, and what discovery picks up from
 * authoring's events.
 */
class WriterPostsIT extends StaffIT {

  static final String POST_FIELDS =
      "id slug title status version publishedAt excerpt markdown html"
          + " readingTime { minutes label } headings { level text } tags { slug }"
          + " previousSlugs";

  JsonObject createDraft(String token, JsonObject input) {
    return staff
        .data(
            token,
            "mutation($i: PostInput!) { createDraft(input: $i) { " + POST_FIELDS + " } }",
            "i",
            input)
        .getJsonObject("createDraft");
  }

  JsonObject update(String token, String id, long version, JsonObject input) {
    return staff
        .data(
            token,
            "mutation($id: ID!, $v: BigInteger!, $i: PostInput!) {"
                + " updatePost(id: $id, expectedVersion: $v, input: $i) { __typename"
                + " ... on EditSaved { post { "
                + POST_FIELDS
                + " } }"
                + " ... on EditConflict { message expectedVersion currentVersion"
                + " conflictingFields current { version title } } } }",
            "id",
            id,
            "v",
            version,
            "i",
            input)
        .getJsonObject("updatePost");
  }

  JsonObject mutate(String token, String mutation, String id) {
    return staff
        .data(
            token,
            "mutation($id: ID!) { " + mutation + "(id: $id) { " + POST_FIELDS + " } }",
            "id",
            id)
        .getJsonObject(mutation);
  }

  JsonValue readerPost(String slug) {
    return client
        .data(
            "query($s: String!) { post(slug: $s) { id slug title } }", StaffFixture.vars("s", slug))
        .get("post");
  }

  static JsonObject input(Object... pairs) {
    return StaffFixture.vars(pairs);
  }

  @Test
  void aDraftIsRenderedAndSlugged_butReadersCannotSeeIt() {
    JsonObject draft =
        createDraft(
            admin,
            Json.createObjectBuilder()
                .add("title", "Café à la mode " + System.nanoTime())
                .add("markdown", "## First thoughts\n\nA few words about **coffee** in space.")
                .add("tags", Json.createArrayBuilder().add("space").add("ai"))
                .build());

    assertThat(draft.getString("status")).isEqualTo("DRAFT");
    assertThat(draft.getString("slug")).startsWith("cafe-a-la-mode-");
    assertThat(draft.getString("html")).contains("<strong>coffee</strong>");
    assertThat(draft.getString("excerpt")).startsWith("First thoughts");
    assertThat(draft.getJsonArray("headings").getJsonObject(0).getString("text"))
        .isEqualTo("First thoughts");
    assertThat(draft.getJsonObject("readingTime").getString("label")).isEqualTo("1 min read");
    assertThat(draft.getJsonArray("tags").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("slug"))
        .containsExactly("space", "ai");
    assertThat(draft.getJsonNumber("version").longValue()).isEqualTo(1);

    assertThat(readerPost(draft.getString("slug"))).isEqualTo(JsonValue.NULL);
    assertThat(
            client
                .data(
                    "query($id: ID!) { post(id: $id) { id } }",
                    StaffFixture.vars("id", draft.getString("id")))
                .get("post"))
        .as("anonymous readers do not find a draft by id either")
        .isEqualTo(JsonValue.NULL);
    assertThat(
            code(
                client.query(
                    "query($id: ID!) { staffPost(id: $id) { id } }",
                    StaffFixture.vars("id", draft.getString("id")))))
        .as("the staff side of the schema needs a signed-in user")
        .isEqualTo("UNAUTHENTICATED");
    assertThat(
            staff
                .data(
                    admin, "query($id: ID!) { post(id: $id) { id } }", "id", draft.getString("id"))
                .get("post"))
        .as("post(id) is the reader's: published posts only, even for staff")
        .isEqualTo(JsonValue.NULL);
    assertThat(
            staff
                .data(
                    admin,
                    "query($id: ID!) { staffPost(id: $id) { id markdown } }",
                    "id",
                    draft.getString("id"))
                .getJsonObject("staffPost")
                .getString("markdown"))
        .contains("**coffee**");
  }

  @Test
  void sameTitlesGetNumberedSlugs() {
    String title = "Twin thoughts " + System.nanoTime();
    String first = createDraft(admin, input("title", title)).getString("slug");
    String second = createDraft(admin, input("title", title)).getString("slug");
    String third = createDraft(admin, input("title", title)).getString("slug");
    assertThat(second).isEqualTo(first + "-2");
    assertThat(third).isEqualTo(first + "-3");
  }

  @Test
  void savesRecomputeEverythingDerived_andPublishingShowsThePostToReaders() {
    JsonObject draft =
        createDraft(admin, input("title", "Short " + System.nanoTime(), "markdown", "Tiny."));
    String id = draft.getString("id");
    String longBody = "## Why\n\n" + "word ".repeat(800) + "\n\n## How\n\nMore.";
    JsonObject saved = update(admin, id, 1, input("markdown", longBody)).getJsonObject("post");

    assertThat(saved.getJsonNumber("version").longValue()).isEqualTo(2);
    assertThat(saved.getJsonObject("readingTime").getInt("minutes")).isEqualTo(3);
    assertThat(saved.getJsonArray("headings").getValuesAs(JsonObject.class))
        .extracting(h -> h.getString("text"))
        .containsExactly("Why", "How");
    assertThat(saved.getString("excerpt")).startsWith("Why word word");
    assertThat(saved.getString("title"))
        .as("fields left out stay")
        .isEqualTo(draft.getString("title"));

    JsonObject published = mutate(admin, "publishPost", id);
    assertThat(published.getString("status")).isEqualTo("PUBLISHED");
    assertThat(published.getString("publishedAt")).isNotBlank();
    JsonValue seen = readerPost(published.getString("slug"));
    assertThat(seen).isNotEqualTo(JsonValue.NULL);
    assertThat(seen.asJsonObject().getString("id")).isEqualTo(id);
  }

  @Test
  void aRenamedPostKeepsItsOldSlugs() {
    JsonObject draft = createDraft(admin, input("title", "Old name " + System.nanoTime()));
    String id = draft.getString("id");
    String first = draft.getString("slug");
    mutate(admin, "publishPost", id);
    JsonObject renamed =
        update(admin, id, 2, input("slug", first + "-renamed")).getJsonObject("post");
    JsonObject again = update(admin, id, 3, input("slug", first + "-final")).getJsonObject("post");

    assertThat(renamed.getString("slug")).isEqualTo(first + "-renamed");
    assertThat(again.getJsonArray("previousSlugs").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactly(first + "-renamed", first);
    for (String old : List.of(first, first + "-renamed", first + "-final")) {
      assertThat(readerPost(old).asJsonObject().getString("id")).as(old).isEqualTo(id);
    }

    JsonObject other = createDraft(admin, input("title", "Another " + System.nanoTime()));
    JsonObject taken =
        staff.call(
            admin,
            "mutation($id: ID!, $i: PostInput!) { updatePost(id: $id, expectedVersion: 1, input: $i)"
                + " { __typename } }",
            "id",
            other.getString("id"),
            "i",
            input("slug", first));
    assertThat(code(taken)).as("an old slug still belongs to its post").isEqualTo("BAD_USER_INPUT");
  }

  @Test
  void everySaveKeepsARevision_andRestoringOneIsANewRevision() {
    JsonObject draft =
        createDraft(
            admin, input("title", "Draft one " + System.nanoTime(), "markdown", "First body."));
    String id = draft.getString("id");
    update(admin, id, 1, input("title", "Draft two", "markdown", "Second body."));
    update(admin, id, 2, input("markdown", "Third body."));

    JsonObject post =
        staff
            .data(
                admin,
                "query($id: ID!) { staffPost(id: $id) { version revisions { id version title markdown savedBy } } }",
                "id",
                id)
            .getJsonObject("staffPost");
    List<JsonObject> revisions = post.getJsonArray("revisions").getValuesAs(JsonObject.class);
    assertThat(revisions)
        .extracting(r -> r.getString("markdown"))
        .containsExactly("Third body.", "Second body.", "First body.");
    assertThat(revisions.get(0).getString("savedBy")).isEqualTo("astro");

    String firstRevision = revisions.get(2).getString("id");
    JsonObject restored =
        staff
            .data(
                admin,
                "mutation($p: ID!, $r: ID!) { restoreRevision(postId: $p, revisionId: $r) {"
                    + " title markdown version revisions { markdown } } }",
                "p",
                id,
                "r",
                firstRevision)
            .getJsonObject("restoreRevision");
    assertThat(restored.getString("title")).isEqualTo(draft.getString("title"));
    assertThat(restored.getString("markdown")).isEqualTo("First body.");
    assertThat(restored.getJsonNumber("version").longValue()).isEqualTo(4);
    assertThat(restored.getJsonArray("revisions").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("markdown"))
        .containsExactly("First body.", "Third body.", "Second body.", "First body.");

    assertThat(
            client
                .data(
                    "query($id: ID!) { post(id: $id) { revisions { id } } }",
                    StaffFixture.vars("id", id))
                .get("post"))
        .as("readers see neither the draft nor its revisions")
        .isEqualTo(JsonValue.NULL);
  }

  @Test
  void onlyTheLastFiftyRevisionsAreKept() {
    String id =
        createDraft(admin, input("title", "Many saves " + System.nanoTime())).getString("id");
    for (int version = 1; version <= 55; version++) {
      update(admin, id, version, input("markdown", "Save " + version));
    }
    List<JsonObject> revisions =
        staff
            .data(
                admin,
                "query($id: ID!) { staffPost(id: $id) { revisions { markdown } } }",
                "id",
                id)
            .getJsonObject("staffPost")
            .getJsonArray("revisions")
            .getValuesAs(JsonObject.class);
    assertThat(revisions).hasSize(50);
    assertThat(revisions.get(0).getString("markdown")).isEqualTo("Save 55");
    assertThat(revisions.get(49).getString("markdown")).isEqualTo("Save 6");
  }

  @Test
  void aDeletedPostGoesToTheTrash_andComesBackAsADraft() {
    JsonObject draft =
        createDraft(admin, input("title", "Regret " + System.nanoTime(), "markdown", "Hmm."));
    String id = draft.getString("id");
    String slug = mutate(admin, "publishPost", id).getString("slug");
    assertThat(readerPost(slug)).isNotEqualTo(JsonValue.NULL);

    JsonObject trashed = mutate(admin, "deletePost", id);
    assertThat(trashed.getString("status")).isEqualTo("TRASHED");
    assertThat(readerPost(slug)).isEqualTo(JsonValue.NULL);
    assertThat(
            code(staff.call(admin, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id)))
        .as("a trashed post cannot be published")
        .isEqualTo("BAD_USER_INPUT");

    JsonObject restored = mutate(admin, "restorePost", id);
    assertThat(restored.getString("status")).isEqualTo("DRAFT");
    assertThat(restored.getString("markdown")).isEqualTo("Hmm.");
    assertThat(readerPost(slug)).as("restored as a draft, not live").isEqualTo(JsonValue.NULL);
  }

  @Test
  void unpublishingTakesThePostFromReadersAndSearch() {
    String word = "quuxtrelliswords" + (System.nanoTime() % 100000);
    String id =
        createDraft(
                admin,
                input(
                    "title",
                    "Searchable " + System.nanoTime(),
                    "markdown",
                    "The word " + word + " is here."))
            .getString("id");
    mutate(admin, "publishPost", id);
    assertThat(searchIds(word)).as("published: found by search").containsExactly(id);

    JsonObject draft = mutate(admin, "unpublishPost", id);
    assertThat(draft.getString("status")).isEqualTo("DRAFT");
    assertThat(searchIds(word)).as("unpublished: gone from search").isEmpty();
  }

  @Test
  void aPublishedPostJoinsOthersRelatedThinking_andLeavesWhenUnpublished() {
    String id =
        createDraft(
                admin,
                Json.createObjectBuilder()
                    .add("title", "Mars, again " + System.nanoTime())
                    .add(
                        "markdown",
                        "## Twenty minutes\n\nSignals from Mars take twenty minutes; a rover on"
                            + " Mars waits for its orders.")
                    .add("tags", Json.createArrayBuilder().add("space").add("future"))
                    .build())
            .getString("id");
    assertThat(relatedIds("twenty-minutes-to-mars")).doesNotContain(id);
    mutate(admin, "publishPost", id);
    assertThat(relatedIds("twenty-minutes-to-mars"))
        .as("published: the Mars post lists it, without a rebuild")
        .contains(id);
    mutate(admin, "unpublishPost", id);
    assertThat(relatedIds("twenty-minutes-to-mars")).as("unpublished: gone").doesNotContain(id);
  }

  @Test
  void draftsListsUnpublishedPosts_newestEditFirst() {
    String a = createDraft(admin, input("title", "Listed A " + System.nanoTime())).getString("id");
    String b = createDraft(admin, input("title", "Listed B " + System.nanoTime())).getString("id");
    update(admin, a, 1, input("markdown", "edited later"));
    List<String> ids =
        nodeIds(staff.data(admin, "{ drafts(first: 2) { nodes { id } } }").getJsonObject("drafts"));
    assertThat(ids).containsExactly(a, b);
    assertThat(code(client.query("{ drafts { nodes { id } } }"))).isEqualTo("UNAUTHENTICATED");
  }

  List<String> searchIds(String query) {
    return client
        .data(
            "query($q: String!) { search(query: $q, first: 10) { edges { node { post { id } } } } }",
            StaffFixture.vars("q", query))
        .getJsonObject("search")
        .getJsonArray("edges")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(e -> e.getJsonObject("node").getJsonObject("post").getString("id"))
        .toList();
  }
}
