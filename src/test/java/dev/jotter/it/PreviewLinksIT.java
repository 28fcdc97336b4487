package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Draft previews over HTTP, as a frontend's preview route uses them: a link made by whoever may see
 * the draft shows that draft, and only it, to anyone holding it, never cached or shared; a forged,
 * expired or revoked link gets a clear FORBIDDEN, and bad requests change nothing.
 */
class PreviewLinksIT extends StaffIT {

  static final String PREVIEW = "query($t: String!) { post(previewToken: $t) { id title status } }";

  String draft(String token, String title) {
    return staff
        .data(
            token,
            "mutation($i: PostInput!) { createDraft(input: $i) { id } }",
            "i",
            vars("title", title, "markdown", "Not ready for readers yet."))
        .getJsonObject("createDraft")
        .getString("id");
  }

  JsonObject link(String token, String postId, Long expiresIn) {
    return staff.call(
        token,
        "mutation($id: ID!, $s: Int) { createPreviewLink(postId: $id, expiresIn: $s) { token url"
            + " expiresAt } }",
        "id",
        postId,
        "s",
        expiresIn);
  }

  String tokenFor(String staffToken, String postId) {
    JsonObject res = link(staffToken, postId, null);
    assertThat(code(res)).as(res.toString()).isNull();
    return res.getJsonObject("data").getJsonObject("createPreviewLink").getString("token");
  }

  /** post(previewToken:) over GET, as a browser or a frontend server sends it, anonymously. */
  HttpResponse<String> previewOverGet(String previewToken) {
    String variables = "{\"t\":" + jakarta.json.Json.createValue(previewToken) + "}";
    return client.get(
        "/graphql?query="
            + URLEncoder.encode(PREVIEW, StandardCharsets.UTF_8)
            + "&variables="
            + URLEncoder.encode(variables, StandardCharsets.UTF_8));
  }

  @Test
  void aLinkShowsTheDraftToAnyoneHoldingItAndTheAnswerIsNeverShared() {
    String contributor = staff.as("CONTRIBUTOR");
    String title = "Lunar gardens, not yet " + System.nanoTime();
    String id = draft(contributor, title);
    JsonObject made = link(contributor, id, 3600L);
    assertThat(code(made)).as(made.toString()).isNull();
    JsonObject link = made.getJsonObject("data").getJsonObject("createPreviewLink");
    assertThat(link.getString("url")).contains("/preview/" + link.getString("token"));
    assertThat(link.getString("expiresAt")).isNotBlank();

    for (int i = 0; i < 2; i++) { // the second time too: nothing was kept
      HttpResponse<String> res = previewOverGet(link.getString("token"));
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.headers().firstValue("Cache-Control")).hasValue("private, no-store");
      assertThat(res.headers().firstValue("ETag")).isEmpty();
      JsonObject post = GraphQLClient.json(res.body()).getJsonObject("data").getJsonObject("post");
      assertThat(post.getString("id")).isEqualTo(id);
      assertThat(post.getString("title")).isEqualTo(title);
      assertThat(post.getString("status")).isEqualTo("DRAFT");
    }
    assertThat(client.data("query($id: ID!) { post(id: $id) { id } }", vars("id", id)).get("post"))
        .as("readers without the link still see nothing")
        .hasToString("null");
  }

  @Test
  void forgedExpiredOrRevokedLinksAreRefusedClearly() throws Exception {
    String author = staff.as("AUTHOR");
    String id = draft(author, "Previews that stop " + System.nanoTime());
    String token = tokenFor(author, id);
    int i = token.length() - 10; // not the last character, whose low bits base64 may not use
    String forged =
        token.substring(0, i) + (token.charAt(i) == 'A' ? 'Q' : 'A') + token.substring(i + 1);
    for (String bad : List.of(forged, "not-a-token", "x".repeat(10_000), author, "a.b.c", ".")) {
      JsonObject res = client.query(PREVIEW, vars("t", bad));
      assertThat(code(res))
          .as(bad.length() > 40 ? bad.substring(0, 40) : bad)
          .isEqualTo("FORBIDDEN");
      assertThat(res.getJsonArray("errors").getJsonObject(0).getString("message"))
          .contains("preview link does not work");
    }

    String shortLived =
        link(author, id, 1L)
            .getJsonObject("data")
            .getJsonObject("createPreviewLink")
            .getString("token");
    Thread.sleep(2_100);
    assertThat(code(client.query(PREVIEW, vars("t", shortLived))))
        .as("expired")
        .isEqualTo("FORBIDDEN");

    assertThat(code(client.query(PREVIEW, vars("t", token)))).as("still works").isNull();
    JsonObject revoked =
        staff.call(author, "mutation($id: ID!) { revokePreviewLinks(postId: $id) }", "id", id);
    assertThat(code(revoked)).as(revoked.toString()).isNull();
    assertThat(code(client.query(PREVIEW, vars("t", token)))).as("revoked").isEqualTo("FORBIDDEN");
    assertThat(code(client.query(PREVIEW, vars("t", tokenFor(author, id)))))
        .as("a link made after the revocation works")
        .isNull();
  }

  @Test
  void onlyThoseWhoMaySeeTheDraftMakeOrRevokeLinks() {
    String id = draft(staff.as("CONTRIBUTOR"), "Someone else's draft " + System.nanoTime());
    assertThat(code(link(null, id, null))).isEqualTo("UNAUTHENTICATED");
    assertThat(code(link(staff.as("AUTHOR"), id, null)))
        .as("another writer cannot even tell it exists")
        .isEqualTo("NOT_FOUND");
    assertThat(
            code(
                staff.call(
                    staff.as("AUTHOR"),
                    "mutation($id: ID!) { revokePreviewLinks(postId: $id) }",
                    "id",
                    id)))
        .isEqualTo("NOT_FOUND");
    assertThat(code(link(staff.as("EDITOR"), id, null))).as("editors see every draft").isNull();
    assertThat(code(link(admin, "999999999", null))).isEqualTo("NOT_FOUND");
    assertThat(code(link(admin, "not-an-id", null))).isEqualTo("BAD_USER_INPUT");
    for (long seconds : new long[] {0, -5, 30L * 24 * 3600 + 1}) {
      JsonObject res = link(admin, id, seconds);
      assertThat(code(res)).as("expiresIn " + seconds).isEqualTo("BAD_USER_INPUT");
      assertThat(res.getJsonArray("errors").getJsonObject(0).getString("message"))
          .contains("expiresIn");
    }
    JsonObject both =
        client.query(
            "query($t: String!) { post(slug: \"x\", previewToken: $t) { id } }", vars("t", "y"));
    assertThat(code(both)).isEqualTo("BAD_USER_INPUT");
  }
}
