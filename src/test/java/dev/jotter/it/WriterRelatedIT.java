package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Editors pin and exclude related posts; the computed lists respect that, and others may not. */
class WriterRelatedIT extends StaffIT {

  static final String MARS = "twenty-minutes-to-mars";

  String editor;

  @BeforeEach
  void signInAsEditor() {
    editor = staff.as("EDITOR");
  }

  String idOf(String slug) {
    return client
        .data("query($s: String!) { post(slug: $s) { id } }", StaffFixture.vars("s", slug))
        .getJsonObject("post")
        .getString("id");
  }

  List<JsonObject> related(String slug) {
    return client
        .data(
            "query($s: String!) { post(slug: $s) { related(first: 3) { reasons post { id slug } } } }",
            StaffFixture.vars("s", slug))
        .getJsonObject("post")
        .getJsonArray("related")
        .getValuesAs(JsonObject.class);
  }

  JsonObject override(String token, String mutation, String postId, String otherId) {
    return staff.call(
        token,
        "mutation($p: ID!, $o: ID!) { "
            + mutation
            + "(postId: $p, relatedPostId: $o) {"
            + " related(first: 3) { reasons post { id } } } }",
        "p",
        postId,
        "o",
        otherId);
  }

  @Test
  void aPinnedPostComesFirst_anExcludedOneNever_andResetRestoresTheRanking() {
    String mars = idOf(MARS);
    List<String> computed = relatedIds(MARS);
    String outsider =
        client
            .data("{ posts(first: 20, orderBy: PUBLISHED_AT_ASC) { nodes { id slug } } }")
            .getJsonObject("posts")
            .getJsonArray("nodes")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(n -> n.getString("id"))
            .filter(id -> !id.equals(mars) && !computed.contains(id))
            .findFirst()
            .orElseThrow();

    JsonObject pinned = override(editor, "pinRelatedPost", mars, outsider);
    assertThat(code(pinned)).isNull();
    List<JsonObject> afterPin = related(MARS);
    assertThat(afterPin.get(0).getJsonObject("post").getString("id")).isEqualTo(outsider);
    assertThat(afterPin.get(0).getJsonArray("reasons").getString(0)).isEqualTo("PINNED");

    String best = computed.get(0);
    assertThat(code(override(editor, "excludeRelatedPost", mars, best))).isNull();
    assertThat(relatedIds(MARS)).doesNotContain(best).startsWith(outsider);

    assertThat(code(override(editor, "resetRelatedPost", mars, outsider))).isNull();
    assertThat(code(override(editor, "resetRelatedPost", mars, best))).isNull();
    assertThat(relatedIds(MARS)).isEqualTo(computed);
  }

  @Test
  void onlyEditorsAndAdministratorsOverride_andBadIdsAreNamed() {
    String mars = idOf(MARS);
    String other = relatedIds(MARS).get(1);
    List<String> before = relatedIds(MARS);
    assertThat(code(override(null, "pinRelatedPost", mars, other))).isEqualTo("UNAUTHENTICATED");
    for (String role : List.of("CONTRIBUTOR", "AUTHOR")) {
      assertThat(code(override(staff.as(role), "excludeRelatedPost", mars, other)))
          .as(role)
          .isEqualTo("FORBIDDEN");
    }
    assertThat(relatedIds(MARS)).isEqualTo(before);
    assertThat(code(override(editor, "pinRelatedPost", mars, mars))).isEqualTo("BAD_USER_INPUT");
    assertThat(code(override(editor, "pinRelatedPost", "999999999", other))).isEqualTo("NOT_FOUND");
    assertThat(code(override(editor, "pinRelatedPost", mars, "999999999")))
        .isEqualTo("BAD_USER_INPUT");
    assertThat(code(override(admin, "pinRelatedPost", mars, "x"))).isEqualTo("BAD_USER_INPUT");
  }
}
