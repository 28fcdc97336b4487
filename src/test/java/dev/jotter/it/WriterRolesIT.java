package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, role by role and mutation by mutation, over HTTP: allowed calls succeed;
 * anonymous calls get UNAUTHENTICATED, forbidden ones FORBIDDEN, and either way nothing changes.
 */
class WriterRolesIT extends StaffIT {

  static final List<String> ROLES = List.of("CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMINISTRATOR");

  String draftBy(String token) {
    return staff
        .data(
            token,
            "mutation($i: PostInput!) { createDraft(input: $i) { id } }",
            "i",
            StaffFixture.vars("title", "Roles " + System.nanoTime(), "markdown", "Body."))
        .getJsonObject("createDraft")
        .getString("id");
  }

  String publishedBy(String token) {
    String id = draftBy(token);
    staff.data(admin, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);
    return id;
  }

  /** The post as an administrator sees it: status and version. */
  JsonObject state(String id) {
    return staff
        .data(admin, "query($id: ID!) { staffPost(id: $id) { status version title } }", "id", id)
        .getJsonObject("staffPost");
  }

  /** The code a post mutation gets (null when it succeeds). */
  String attempt(String token, String mutation, String id) {
    String call =
        switch (mutation) {
          case "updatePost" ->
              "mutation($id: ID!) { updatePost(id: $id, expectedVersion: VERSION,"
                  + " input: {title: \"Changed\"}) { __typename } }";
          case "schedulePost" ->
              "mutation($id: ID!) { schedulePost(id: $id, publishAt: \""
                  + OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)
                  + "\") { id } }";
          default -> "mutation($id: ID!) { " + mutation + "(id: $id) { id } }";
        };
    call = call.replace("VERSION", Long.toString(state(id).getJsonNumber("version").longValue()));
    return code(staff.call(token, call, "id", id));
  }

  @Test
  void anonymousCallersAreUnauthenticated_andNothingChanges() {
    String id = publishedBy(admin);
    JsonObject before = state(id);
    SoftAssertions soft = new SoftAssertions();
    for (String mutation :
        List.of(
            "updatePost",
            "publishPost",
            "schedulePost",
            "unpublishPost",
            "deletePost",
            "restorePost")) {
      soft.assertThat(attempt(null, mutation, id)).as(mutation).isEqualTo("UNAUTHENTICATED");
    }
    Map<String, String> others =
        Map.of(
            "createDraft", "mutation { createDraft(input: {title: \"x\"}) { id } }",
            "restoreRevision",
                "mutation { restoreRevision(postId: \"1\", revisionId: \"1\") { id } }",
            "updateMyProfile", "mutation { updateMyProfile(input: {bio: \"x\"}) { name } }",
            "changeMyPassword",
                "mutation { changeMyPassword(currentPassword: \"a\", newPassword: \"b\") }",
            "createTag", "mutation { createTag(input: {name: \"Anon\"}) { slug } }",
            "updateTag", "mutation { updateTag(slug: \"ai\", input: {name: \"Anon\"}) { slug } }",
            "deleteTag", "mutation { deleteTag(slug: \"ai\") }",
            "createStaff",
                "mutation { createStaff(input: {email: \"a@b.c\", name: \"A\", role: ADMINISTRATOR,"
                    + " password: \"0123456789\"}) { id } }",
            "changeRole", "mutation { changeRole(id: \"1\", role: CONTRIBUTOR) { id } }",
            "suspendStaff", "mutation { suspendStaff(id: \"1\") { id } }");
    others.forEach(
        (name, call) ->
            soft.assertThat(code(client.query(call))).as(name).isEqualTo("UNAUTHENTICATED"));
    for (String query :
        List.of(
            "{ me { id } }",
            "{ drafts { nodes { id } } }",
            "{ staffUsers { id } }",
            "{ allTags { slug } }")) {
      soft.assertThat(code(client.query(query))).as(query).isEqualTo("UNAUTHENTICATED");
    }
    soft.assertAll();
    assertThat(state(id)).isEqualTo(before);
    assertThat(client.data("{ tag(slug: \"ai\") { name } }").getJsonObject("tag").getString("name"))
        .isEqualTo("AI");
  }

  @Test
  void everyRoleWritesAndEditsItsOwnDrafts() {
    for (String role : ROLES) {
      String token = staff.as(role);
      String id = draftBy(token);
      assertThat(attempt(token, "updatePost", id)).as(role).isNull();
      assertThat(state(id).getString("title")).isEqualTo("Changed");
      assertThat(
              staff
                  .data(token, "query($id: ID!) { staffPost(id: $id) { id } }", "id", id)
                  .get("staffPost"))
          .as(role + " previews their own draft")
          .isNotEqualTo(JsonValue.NULL);
      assertThat(attempt(token, "deletePost", id)).as(role + " deletes own draft").isNull();
      assertThat(attempt(token, "restorePost", id)).as(role + " restores own draft").isNull();
    }
  }

  @Test
  void contributorsCannotPublishScheduleOrTouchTheirPublishedPosts() {
    String contributor = staff.as("CONTRIBUTOR");
    String draft = draftBy(contributor);
    for (String mutation : List.of("publishPost", "schedulePost")) {
      assertThat(attempt(contributor, mutation, draft)).as(mutation).isEqualTo("FORBIDDEN");
    }
    assertThat(state(draft).getString("status")).isEqualTo("DRAFT");

    String published = publishedBy(contributor); // an editor published it for them
    JsonObject before = state(published);
    for (String mutation : List.of("updatePost", "unpublishPost", "deletePost")) {
      assertThat(attempt(contributor, mutation, published)).as(mutation).isEqualTo("FORBIDDEN");
    }
    assertThat(state(published)).isEqualTo(before);
  }

  @Test
  void authorsPublishScheduleUnpublishAndDeleteTheirOwnPosts() {
    String author = staff.as("AUTHOR");
    String id = draftBy(author);
    assertThat(attempt(author, "schedulePost", id)).isNull();
    assertThat(state(id).getString("status")).isEqualTo("SCHEDULED");
    assertThat(attempt(author, "publishPost", id)).isNull();
    assertThat(state(id).getString("status")).isEqualTo("PUBLISHED");
    assertThat(attempt(author, "unpublishPost", id)).isNull();
    assertThat(state(id).getString("status")).isEqualTo("DRAFT");
    assertThat(attempt(author, "deletePost", id)).isNull();
    assertThat(state(id).getString("status")).isEqualTo("TRASHED");
  }

  @Test
  void contributorsAndAuthorsCannotTouchOthersPosts_editorsAndAdministratorsCan() {
    String owner = staff.user("owner@jotter.test", "AUTHOR");
    for (String role : ROLES) {
      String token = staff.as(role);
      boolean allowed = role.equals("EDITOR") || role.equals("ADMINISTRATOR");
      String draft = draftBy(owner);
      String published = publishedBy(owner);
      JsonObject draftBefore = state(draft);
      JsonObject publishedBefore = state(published);

      JsonValue preview =
          staff
              .data(token, "query($id: ID!) { staffPost(id: $id) { id } }", "id", draft)
              .get("staffPost");
      assertThat(preview == JsonValue.NULL)
          .as(role + " previews another's draft")
          .isEqualTo(!allowed);

      String expected = allowed ? null : "FORBIDDEN";
      String revision =
          staff
              .data(
                  admin, "query($id: ID!) { staffPost(id: $id) { revisions { id } } }", "id", draft)
              .getJsonObject("staffPost")
              .getJsonArray("revisions")
              .getJsonObject(0)
              .getString("id");
      assertThat(
              code(
                  staff.call(
                      token,
                      "mutation($p: ID!, $r: ID!) { restoreRevision(postId: $p, revisionId: $r)"
                          + " { id } }",
                      "p",
                      draft,
                      "r",
                      revision)))
          .as(role + " restoreRevision")
          .isEqualTo(expected);
      assertThat(attempt(token, "updatePost", draft)).as(role + " updatePost").isEqualTo(expected);
      assertThat(attempt(token, "schedulePost", draft))
          .as(role + " schedulePost")
          .isEqualTo(expected);
      assertThat(attempt(token, "unpublishPost", published))
          .as(role + " unpublishPost")
          .isEqualTo(expected);
      assertThat(attempt(token, "deletePost", draft)).as(role + " deletePost").isEqualTo(expected);
      if (allowed) {
        assertThat(attempt(token, "publishPost", published)).as(role + " publishPost").isNull();
      } else {
        assertThat(attempt(token, "publishPost", draft))
            .as(role + " publishPost")
            .isEqualTo("FORBIDDEN");
        assertThat(state(draft)).as(role + ": the draft did not change").isEqualTo(draftBefore);
        assertThat(state(published))
            .as(role + ": the post did not change")
            .isEqualTo(publishedBefore);
      }
    }
  }

  @Test
  void authorsListTheirOwnDrafts_editorsEverybodys() {
    String mine = draftBy(staff.as("AUTHOR"));
    String theirs = draftBy(staff.as("CONTRIBUTOR"));
    List<String> authorSees = draftIds(staff.as("AUTHOR"));
    List<String> editorSees = draftIds(staff.as("EDITOR"));
    assertThat(authorSees).contains(mine).doesNotContain(theirs);
    assertThat(editorSees).contains(mine, theirs);
  }

  List<String> draftIds(String token) {
    return nodeIds(
        staff.data(token, "{ drafts(first: 100) { nodes { id } } }").getJsonObject("drafts"));
  }

  @Test
  void onlyEditorsAndAdministratorsManageTags() {
    for (String role : ROLES) {
      String token = staff.as(role);
      boolean allowed = role.equals("EDITOR") || role.equals("ADMINISTRATOR");
      String name = "Tag of " + role + " " + System.nanoTime();
      JsonObject created =
          staff.call(
              token, "mutation($n: String!) { createTag(input: {name: $n}) { slug } }", "n", name);
      if (!allowed) {
        assertThat(code(created)).as(role + " createTag").isEqualTo("FORBIDDEN");
        assertThat(
                code(
                    staff.call(
                        token,
                        "mutation { updateTag(slug: \"ai\", input: {description: \"x\"}) { slug } }")))
            .as(role + " updateTag")
            .isEqualTo("FORBIDDEN");
        assertThat(code(staff.call(token, "mutation { deleteTag(slug: \"ai\") }")))
            .as(role + " deleteTag")
            .isEqualTo("FORBIDDEN");
        continue;
      }
      String slug = created.getJsonObject("data").getJsonObject("createTag").getString("slug");
      assertThat(
              staff
                  .data(
                      token,
                      "mutation($s: String!) { updateTag(slug: $s, input: {description: \"About it\"}) { description } }",
                      "s",
                      slug)
                  .getJsonObject("updateTag")
                  .getString("description"))
          .isEqualTo("About it");
      assertThat(
              staff
                  .data(token, "mutation($s: String!) { deleteTag(slug: $s) }", "s", slug)
                  .getInt("deleteTag"))
          .isZero();
    }
    assertThat(client.data("{ tag(slug: \"ai\") { name } }").getJsonObject("tag").getString("name"))
        .isEqualTo("AI");
  }

  @Test
  void editorsManageAuthorsAndContributors_administratorsEveryone() {
    String editor = staff.as("EDITOR");

    for (String role : List.of("CONTRIBUTOR", "AUTHOR")) {
      assertThat(code(createStaff(staff.as(role), "AUTHOR")))
          .as(role + " createStaff")
          .isEqualTo("FORBIDDEN");
      assertThat(code(staff.call(staff.as(role), "{ staffUsers { id } }")))
          .as(role + " staffUsers")
          .isEqualTo("FORBIDDEN");
    }
    assertThat(code(createStaff(editor, "EDITOR"))).isEqualTo("FORBIDDEN");
    assertThat(code(createStaff(editor, "ADMINISTRATOR"))).isEqualTo("FORBIDDEN");

    JsonObject created = createStaff(editor, "AUTHOR");
    assertThat(code(created)).isNull();
    String id = created.getJsonObject("data").getJsonObject("createStaff").getString("id");
    assertThat(role(editor, id, "CONTRIBUTOR")).isNull();
    assertThat(role(editor, id, "EDITOR")).isEqualTo("FORBIDDEN");
    assertThat(
            code(
                staff.call(
                    editor, "mutation($id: ID!) { suspendStaff(id: $id) { status } }", "id", id)))
        .isNull();
    assertThat(
            code(
                staff.call(
                    editor,
                    "mutation($id: ID!) { reactivateStaff(id: $id) { status } }",
                    "id",
                    id)))
        .isNull();

    String adminId = staff.data(admin, "{ me { id } }").getJsonObject("me").getString("id");
    assertThat(
            code(
                staff.call(
                    editor,
                    "mutation($id: ID!) { suspendStaff(id: $id) { status } }",
                    "id",
                    adminId)))
        .isEqualTo("FORBIDDEN");
    assertThat(role(editor, adminId, "AUTHOR")).isEqualTo("FORBIDDEN");
    assertThat(
            code(
                staff.call(
                    admin,
                    "mutation($id: ID!) { suspendStaff(id: $id) { status } }",
                    "id",
                    adminId)))
        .as("nobody suspends themselves")
        .isEqualTo("BAD_USER_INPUT");

    assertThat(role(admin, id, "EDITOR")).isNull();
    assertThat(role(admin, id, "ADMINISTRATOR")).isNull();
    assertThat(role(admin, id, "AUTHOR")).isNull();
    assertThat(staff.data(editor, "{ staffUsers { id } }").getJsonArray("staffUsers")).isNotEmpty();
  }

  JsonObject createStaff(String token, String role) {
    return staff.call(
        token,
        "mutation($i: StaffInput!) { createStaff(input: $i) { id role } }",
        "i",
        Json.createObjectBuilder()
            .add("email", "staff" + System.nanoTime() + "@jotter.test")
            .add("name", "New " + role.toLowerCase())
            .add("role", role)
            .add("password", StaffFixture.PASSWORD)
            .build());
  }

  String role(String token, String id, String role) {
    return code(
        staff.call(
            token,
            "mutation($id: ID!, $r: Role!) { changeRole(id: $id, role: $r) { role } }",
            "id",
            id,
            "r",
            role));
  }
}
