package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the browser-based writing app asks of the API (issue 13), over HTTP: the staff list of posts
 * by status with search and paging, the live preview rendered as a save renders, line diffs of two
 * texts, the related overrides editors set, and every author card.
 */
class WritingAppApiIT extends StaffIT {

  static final String STAFF_POSTS =
      "query($s: PostStatus, $q: String, $f: Int, $a: String) {"
          + " staffPosts(status: $s, query: $q, first: $f, after: $a) {"
          + " totalCount edges { cursor node { id title status authors { slug } tags { slug } } }"
          + " pageInfo { hasNextPage endCursor } } }";

  /** A word no other test's post has in its title, so each test sees only its own posts. */
  static String marker() {
    return "wa" + Long.toString(System.nanoTime(), 36);
  }

  JsonObject staffPosts(String token, String status, String query, Integer first, String after) {
    return staff
        .data(token, STAFF_POSTS, "s", status, "q", query, "f", first, "a", after)
        .getJsonObject("staffPosts");
  }

  static List<String> ids(JsonObject connection) {
    return connection.getJsonArray("edges").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getJsonObject("node").getString("id"))
        .toList();
  }

  String draft(String token, String title) {
    return draft(token, vars("title", title));
  }

  String draft(String token, JsonObject input) {
    return staff
        .data(token, "mutation($i: PostInput!) { createDraft(input: $i) { id } }", "i", input)
        .getJsonObject("createDraft")
        .getString("id");
  }

  void act(String token, String mutation, String id) {
    staff.data(token, "mutation($id: ID!) { " + mutation + "(id: $id) { id } }", "id", id);
  }

  // --- staffPosts ---------------------------------------------------------------------------

  @Test
  void contributorsAndAuthorsListTheirOwnPosts_editorsAndAdministratorsEveryones() {
    String m = marker();
    String contributor = staff.as("CONTRIBUTOR");
    String author = staff.as("AUTHOR");
    String editor = staff.as("EDITOR");
    String byContributor = draft(contributor, "Contributed " + m);
    String byAuthor = draft(author, "Authored " + m);
    String byAdmin = draft(admin, "Administered " + m);

    assertThat(ids(staffPosts(contributor, null, m, null, null))).containsExactly(byContributor);
    assertThat(ids(staffPosts(author, null, m, null, null))).containsExactly(byAuthor);
    JsonObject all = staffPosts(editor, null, m, null, null);
    assertThat(ids(all)).containsExactly(byAdmin, byAuthor, byContributor);
    assertThat(all.getInt("totalCount")).isEqualTo(3);
    assertThat(ids(staffPosts(admin, null, m, null, null)))
        .containsExactly(byAdmin, byAuthor, byContributor);
    assertThat(staffPosts(author, null, m, null, null).getInt("totalCount")).isEqualTo(1);
  }

  @Test
  void everyStatusButTheTrashByDefault_newestEditFirst_andEachStatusOnItsOwn() {
    String m = marker();
    String author = staff.as("AUTHOR");
    String published = draft(author, "Published " + m);
    act(author, "publishPost", published);
    String trashed = draft(author, "Trashed " + m);
    act(author, "deletePost", trashed);
    String drafted = draft(author, "Drafted " + m);

    assertThat(ids(staffPosts(author, null, m, null, null))).containsExactly(drafted, published);
    assertThat(ids(staffPosts(author, "PUBLISHED", m, null, null))).containsExactly(published);
    assertThat(ids(staffPosts(author, "DRAFT", m, null, null))).containsExactly(drafted);
    assertThat(ids(staffPosts(author, "SCHEDULED", m, null, null))).isEmpty();
    JsonObject trash = staffPosts(author, "TRASHED", m, null, null);
    assertThat(ids(trash)).containsExactly(trashed);
    assertThat(trash.getInt("totalCount")).isEqualTo(1);

    act(author, "restorePost", trashed);
    assertThat(ids(staffPosts(author, null, m, null, null)))
        .as("restored, it is the most recently edited")
        .containsExactly(trashed, drafted, published);
    assertThat(
            nodeIds(
                staff
                    .data(author, "{ drafts(first: 100) { nodes { id } } }")
                    .getJsonObject("drafts")))
        .as("drafts still lists drafts only")
        .contains(trashed, drafted)
        .doesNotContain(published);
  }

  @Test
  void theQueryMatchesWordsOfTheTitleOrSlugInAnyCase_literally() {
    String m = marker();
    String europa = draft(admin, "Notes on Europa " + m);
    String percent = draft(admin, "Europa at 100% " + m);
    String snake = draft(admin, "snake_case names " + m);
    String bySlug =
        draft(admin, vars("title", "Something else " + m, "slug", "hidden-slugword-" + m));

    assertThat(ids(staffPosts(admin, null, "EUROPA notes " + m.toUpperCase(), null, null)))
        .containsExactly(europa);
    assertThat(ids(staffPosts(admin, null, "europa " + m, null, null)))
        .containsExactly(percent, europa);
    assertThat(ids(staffPosts(admin, null, "% " + m, null, null)))
        .as("% is a character, not a wildcard")
        .containsExactly(percent);
    assertThat(ids(staffPosts(admin, null, "_ " + m, null, null)))
        .as("_ is a character, not a wildcard")
        .containsExactly(snake);
    assertThat(ids(staffPosts(admin, null, "slugword " + m, null, null))).containsExactly(bySlug);
    assertThat(ids(staffPosts(admin, null, "' or 1=1 -- \\ !" + m, null, null))).isEmpty();
    assertThat(staffPosts(admin, null, m, null, null).getInt("totalCount")).isEqualTo(4);
  }

  @Test
  void pagesFollowEachOtherByCursor_andBadPagingIsRefused() {
    String m = marker();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(0, draft(admin, "Paged " + i + " " + m));
    }
    List<String> read = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      JsonObject page = staffPosts(admin, null, m, 2, after);
      read.addAll(ids(page));
      assertThat(page.getInt("totalCount")).isEqualTo(5);
      more = page.getJsonObject("pageInfo").getBoolean("hasNextPage");
      after = page.getJsonObject("pageInfo").getString("endCursor", null);
    }
    assertThat(read).isEqualTo(created);
    assertThat(ids(staffPosts(admin, null, m, 0, null))).isEmpty();
    assertThat(
            staff
                .data(admin, "{ staffPosts { edges { node { id } } } }")
                .getJsonObject("staffPosts")
                .getJsonArray("edges")
                .size())
        .as("20 by default")
        .isLessThanOrEqualTo(20);

    for (JsonObject bad :
        List.of(
            staff.call(admin, STAFF_POSTS, "f", 101),
            staff.call(admin, STAFF_POSTS, "f", -1),
            staff.call(admin, STAFF_POSTS, "a", "not-a-cursor"),
            staff.call(admin, STAFF_POSTS, "q", "x".repeat(201)))) {
      assertThat(code(bad)).as(bad.toString()).isEqualTo("BAD_USER_INPUT");
    }
  }

  @Test
  void anonymousCallersAreUnauthenticated() {
    for (String query :
        List.of(
            "{ staffPosts { totalCount } }",
            "{ renderMarkdown(markdown: \"# Hi\") { html } }",
            "{ compareTexts(before: \"a\", after: \"b\") { added } }",
            "{ allAuthors { slug } }")) {
      JsonObject response = client.query(query);
      assertThat(code(response)).as(query).isEqualTo("UNAUTHENTICATED");
      assertThat(response.getJsonArray("errors").getJsonObject(0).getString("message"))
          .isNotBlank();
    }
  }

  // --- renderMarkdown -----------------------------------------------------------------------

  static final String BODY =
      "## Why Europa\n\nAn ocean under *ice*, [more](https://example.com/europa)."
          + "<script>alert(1)</script>\n\n![the moon](https://example.com/europa.jpg)\n\n"
          + "## Why Europa\n\n"
          + "word ".repeat(600)
          + "\n\n### How\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";

  static final String PREVIEW_FIELDS =
      "html headings { level text anchor } readingTime { minutes words images label } excerpt";

  @Test
  void thePreviewIsWhatSavingTheMarkdownGives() {
    for (boolean featureImage : new boolean[] {false, true}) {
      JsonObject preview =
          staff
              .data(
                  staff.as("CONTRIBUTOR"),
                  "query($m: String!, $f: Boolean) { renderMarkdown(markdown: $m,"
                      + " hasFeatureImage: $f) { "
                      + PREVIEW_FIELDS
                      + " } }",
                  "m",
                  BODY,
                  "f",
                  featureImage ? JsonValue.TRUE : JsonValue.FALSE)
              .getJsonObject("renderMarkdown");
      var input =
          Json.createObjectBuilder().add("title", "Rendered " + marker()).add("markdown", BODY);
      if (featureImage) {
        input.add(
            "featureImage", Json.createObjectBuilder().add("url", "https://example.com/f.jpg"));
      }
      JsonObject saved =
          staff
              .data(
                  admin,
                  "mutation($i: PostInput!) { createDraft(input: $i) { " + PREVIEW_FIELDS + " } }",
                  "i",
                  input.build())
              .getJsonObject("createDraft");

      assertThat(preview).isEqualTo(saved);
      assertThat(preview.getString("html"))
          .contains("<em>ice</em>", "id=\"why-europa-1\"")
          .doesNotContain("<script");
      assertThat(preview.getJsonObject("readingTime").getInt("images"))
          .isEqualTo(featureImage ? 2 : 1);
    }
  }

  @Test
  void thePreviewIsNeverCachedOrShared() throws Exception {
    String query = "{ renderMarkdown(markdown: \"# Hi\") { html } }";
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(
                    base.toURI()
                        .resolve(
                            "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + admin)
                .header("Accept", "application/json")
                .GET()
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(GraphQLClient.json(response.body()).getJsonObject("data")).isNotNull();
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
  }

  @Test
  void aTooLargeOrTooComplexBodyIsRefusedAsOnSave() {
    String render = "query($m: String!) { renderMarkdown(markdown: $m) { html } }";
    JsonObject tooLarge = staff.call(admin, render, "m", "x".repeat(1_048_577));
    assertThat(code(tooLarge)).isEqualTo("BAD_USER_INPUT");
    assertThat(tooLarge.toString()).contains("markdown", "1048577 bytes");

    JsonObject tooComplex = staff.call(admin, render, "m", "line\n".repeat(20_001));
    assertThat(code(tooComplex)).isEqualTo("BAD_USER_INPUT");
    assertThat(tooComplex.toString()).contains("lines");
  }

  // --- compareTexts -------------------------------------------------------------------------

  static final String COMPARE =
      "query($b: String!, $a: String!) { compareTexts(before: $b, after: $a) {"
          + " added removed lines { kind text beforeLine afterLine } } }";

  JsonObject compare(String before, String after) {
    return staff
        .data(staff.as("CONTRIBUTOR"), COMPARE, "b", before, "a", after)
        .getJsonObject("compareTexts");
  }

  static String line(JsonObject line) {
    return line.getString("kind")
        + " "
        + line.getString("text")
        + " "
        + (line.isNull("beforeLine") ? "-" : line.getInt("beforeLine"))
        + " "
        + (line.isNull("afterLine") ? "-" : line.getInt("afterLine"));
  }

  @Test
  void aDiffOfKnownTextsNamesEachLineAndItsNumbers() {
    JsonObject diff =
        compare("# Title\nold words\nkept\n", "# Title\nnew words\nkept\nadded at the end");
    assertThat(diff.getJsonArray("lines").getValuesAs(JsonObject.class))
        .extracting(WritingAppApiIT::line)
        .containsExactly(
            "UNCHANGED # Title 1 1",
            "REMOVED old words 2 -",
            "ADDED new words - 2",
            "UNCHANGED kept 3 3",
            "ADDED added at the end - 4");
    assertThat(diff.getInt("added")).isEqualTo(2);
    assertThat(diff.getInt("removed")).isEqualTo(1);
  }

  @Test
  void unrelatedLongTextsGetTheWholeDiff_removedThenAdded_quickly() {
    String before = numbered("before", 2_500);
    String after = numbered("after", 2_500);
    compare(before, "warm-up");
    long started = System.nanoTime();
    JsonObject diff = compare(before, after);
    long millis = (System.nanoTime() - started) / 1_000_000;
    List<JsonObject> lines = diff.getJsonArray("lines").getValuesAs(JsonObject.class);
    assertThat(lines).hasSize(5_000);
    assertThat(diff.getInt("removed")).isEqualTo(2_500);
    assertThat(diff.getInt("added")).isEqualTo(2_500);
    assertThat(line(lines.get(0))).isEqualTo("REMOVED before 0 1 -");
    assertThat(line(lines.get(2_499))).isEqualTo("REMOVED before 2499 2500 -");
    assertThat(line(lines.get(2_500))).isEqualTo("ADDED after 0 - 1");
    assertThat(line(lines.get(4_999))).isEqualTo("ADDED after 2499 - 2500");
    started = System.nanoTime();
    compare(before, after);
    System.out.println(
        "compareTexts over HTTP of two unrelated texts of 2,500 lines (5,000 lines of answer): "
            + millis
            + " ms, then "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    assertThat(millis).isLessThan(5_000);
  }

  @Test
  void textsBeyondAPostsSizeOrTheLineLimitAreRefused() {
    String token = staff.as("CONTRIBUTOR");
    JsonObject tooManyLines = staff.call(token, COMPARE, "b", "a", "a", numbered("x", 5_001));
    assertThat(code(tooManyLines)).isEqualTo("BAD_USER_INPUT");
    assertThat(tooManyLines.toString()).contains("after", "5001 lines");
    JsonObject tooLarge = staff.call(token, COMPARE, "b", "y".repeat(1_048_577), "a", "a");
    assertThat(code(tooLarge)).isEqualTo("BAD_USER_INPUT");
    assertThat(tooLarge.toString()).contains("before", "bytes");
  }

  static String numbered(String prefix, int lines) {
    return IntStream.range(0, lines)
        .mapToObj(i -> prefix + " " + i)
        .collect(Collectors.joining("\n"));
  }

  // --- relatedOverrides ---------------------------------------------------------------------

  static final String NOTES = "why-i-still-keep-notes";

  String publishedId(String slug) {
    return client
        .data("query($s: String!) { post(slug: $s) { id } }", vars("s", slug))
        .getJsonObject("post")
        .getString("id");
  }

  /** Post.relatedOverrides of the notes post as this token's user sees it (null: anonymous). */
  JsonValue overridesAs(String token) {
    String query =
        "query($s: String!) { post(slug: $s) { relatedOverrides { kind post { id } } } }";
    return staff.data(token, query, "s", NOTES).getJsonObject("post").get("relatedOverrides");
  }

  void override(String token, String mutation, String postId, String otherId) {
    staff.data(
        token,
        "mutation($p: ID!, $o: ID!) { " + mutation + "(postId: $p, relatedPostId: $o) { id } }",
        "p",
        postId,
        "o",
        otherId);
  }

  @Test
  void editorsSeeThePinsInOrderAndTheExclusions_othersSeeNull() {
    String editor = staff.as("EDITOR");
    String notes = publishedId(NOTES);
    List<String> others =
        client
            .data("{ posts(first: 5, orderBy: PUBLISHED_AT_ASC) { nodes { id slug } } }")
            .getJsonObject("posts")
            .getJsonArray("nodes")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> !p.getString("slug").equals(NOTES))
            .map(p -> p.getString("id"))
            .toList();
    String second = others.get(0);
    String first = others.get(1);
    String excluded = others.get(2);
    try {
      override(editor, "pinRelatedPost", notes, first);
      override(editor, "pinRelatedPost", notes, second);
      override(editor, "excludeRelatedPost", notes, excluded);

      assertThat(overrides(overridesAs(editor)))
          .containsExactly("PINNED " + first, "PINNED " + second, "EXCLUDED " + excluded);
      assertThat(overrides(overridesAs(admin))).hasSize(3);
      assertThat(overridesAs(staff.as("AUTHOR"))).isEqualTo(JsonValue.NULL);
      assertThat(overridesAs(null)).as("anonymous readers").isEqualTo(JsonValue.NULL);
      assertThat(
              staff
                  .data(
                      editor,
                      "query($id: ID!) { staffPost(id: $id) { relatedOverrides { kind } } }",
                      "id",
                      notes)
                  .getJsonObject("staffPost")
                  .getJsonArray("relatedOverrides"))
          .as("staffPost too")
          .hasSize(3);
      JsonObject list =
          staff
              .data(
                  editor,
                  "{ staffPosts(status: PUBLISHED, first: 100) { edges { node { id"
                      + " relatedOverrides { kind } } } } }")
              .getJsonObject("staffPosts");
      assertThat(
              list.getJsonArray("edges").getValuesAs(JsonObject.class).stream()
                  .map(e -> e.getJsonObject("node"))
                  .filter(n -> !n.getString("id").equals(notes))
                  .map(n -> n.get("relatedOverrides")))
          .as("in a list, posts without overrides have an empty list")
          .allMatch(v -> v.getValueType() == JsonValue.ValueType.ARRAY);

      override(editor, "resetRelatedPost", notes, first);
      assertThat(overrides(overridesAs(editor)))
          .containsExactly("PINNED " + second, "EXCLUDED " + excluded);
    } finally {
      for (String other : List.of(first, second, excluded)) {
        override(editor, "resetRelatedPost", notes, other);
      }
    }
    assertThat(overrides(overridesAs(editor))).isEmpty();
  }

  static List<String> overrides(JsonValue value) {
    return value.asJsonArray().getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("kind") + " " + o.getJsonObject("post").getString("id"))
        .toList();
  }

  // --- allAuthors ---------------------------------------------------------------------------

  /** Every author card, read in pages of this size. */
  List<JsonObject> allAuthors(String token, int pageSize) {
    List<JsonObject> all = new ArrayList<>();
    String after = null;
    while (true) {
      List<JsonObject> page =
          staff
              .data(
                  token,
                  "query($f: Int, $a: String) { allAuthors(first: $f, after: $a) { slug name } }",
                  "f",
                  pageSize,
                  "a",
                  after)
              .getJsonArray("allAuthors")
              .getValuesAs(JsonObject.class);
      all.addAll(page);
      if (page.size() < pageSize) {
        return all;
      }
      after = page.get(page.size() - 1).getString("slug");
    }
  }

  @Test
  void allAuthorsListsEveryCardByName_publishedOrNot_pagedBySlug() {
    String m = marker();
    staff.create(m + "@jotter.test", "Aaa Unpublished " + m, "CONTRIBUTOR");
    String contributor = staff.as("CONTRIBUTOR");

    List<JsonObject> all = allAuthors(contributor, 100);
    assertThat(all).extracting(a -> a.getString("name")).contains("Aaa Unpublished " + m);
    assertThat(allAuthors(contributor, 2))
        .as("pages of two, each after the last slug")
        .isEqualTo(all);
    assertThat(
            client
                .data("{ authors { name } }")
                .getJsonArray("authors")
                .getValuesAs(JsonObject.class))
        .as("readers' authors: those with published posts only")
        .extracting(a -> a.getString("name"))
        .doesNotContain("Aaa Unpublished " + m);

    assertThat(code(staff.call(contributor, "{ allAuthors(after: \"no-such-author\") { slug } }")))
        .isEqualTo("BAD_USER_INPUT");
    assertThat(code(staff.call(contributor, "{ allAuthors(first: 101) { slug } }")))
        .isEqualTo("BAD_USER_INPUT");
  }
}
