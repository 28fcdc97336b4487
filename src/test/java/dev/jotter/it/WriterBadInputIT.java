package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a clear error with a code, and nothing is saved: titles, bodies and tags out of
 * bounds, unknown ids, and every kind of bad sign-in token.
 */
class WriterBadInputIT extends StaffIT {

  long draftCount() {
    return staff
        .data(admin, "{ drafts { totalCount } }")
        .getJsonObject("drafts")
        .getInt("totalCount");
  }

  JsonObject createDraft(JsonObject input) {
    return staff.call(
        admin, "mutation($i: PostInput!) { createDraft(input: $i) { id } }", "i", input);
  }

  void assertRefused(JsonObject response, String code, String mentions) {
    assertThat(code(response)).as(response.toString()).isEqualTo(code);
    String message = response.getJsonArray("errors").getJsonObject(0).getString("message");
    assertThat(message).containsIgnoringCase(mentions);
    assertThat(message).doesNotContain("Exception").doesNotContain("at dev.jotter");
    assertThat(response.toString()).doesNotContain("invalidValue");
  }

  @Test
  void outOfBoundsPostsAreRefusedAndNothingIsSaved() {
    long before = draftCount();
    assertRefused(createDraft(StaffFixture.vars("title", "")), "BAD_USER_INPUT", "title");
    assertRefused(createDraft(StaffFixture.vars("title", "   ")), "BAD_USER_INPUT", "title");
    assertRefused(
        createDraft(StaffFixture.vars("markdown", "no title")), "BAD_USER_INPUT", "title");
    assertRefused(
        createDraft(StaffFixture.vars("title", "x".repeat(1000))), "BAD_USER_INPUT", "255");
    assertRefused(
        createDraft(
            StaffFixture.vars("title", "Too long", "markdown", "a".repeat(1024 * 1024 + 1))),
        "BAD_USER_INPUT",
        "1048576 bytes");
    JsonArrayBuilder sixteen = Json.createArrayBuilder();
    for (int i = 0; i < 16; i++) {
      sixteen.add("tag-" + i);
    }
    assertRefused(
        createDraft(Json.createObjectBuilder().add("title", "Tags").add("tags", sixteen).build()),
        "BAD_USER_INPUT",
        "15 tags");
    assertRefused(
        createDraft(
            Json.createObjectBuilder()
                .add("title", "Tags")
                .add("tags", Json.createArrayBuilder().add("no-such-tag"))
                .build()),
        "BAD_USER_INPUT",
        "no-such-tag");
    assertRefused(
        createDraft(StaffFixture.vars("title", "Slug", "slug", "Not A Slug")),
        "BAD_USER_INPUT",
        "slug");
    assertThat(draftCount()).as("nothing was saved").isEqualTo(before);
  }

  @Test
  void aRefusedChangeLeavesThePostAsItWas() {
    String id =
        staff
            .data(
                admin,
                "mutation { createDraft(input: {title: \"Steady\", markdown: \"Body.\"}) { id } }")
            .getJsonObject("createDraft")
            .getString("id");
    JsonObject bad =
        staff.call(
            admin,
            "mutation($id: ID!, $i: PostInput!) { updatePost(id: $id, expectedVersion: 1, input: $i) { __typename } }",
            "id",
            id,
            "i",
            StaffFixture.vars(
                "markdown",
                "New body.",
                "tags",
                Json.createArrayBuilder().add("ai").add("nope").build()));
    assertRefused(bad, "BAD_USER_INPUT", "nope");
    JsonObject post =
        staff
            .data(
                admin,
                "query($id: ID!) { staffPost(id: $id) { version markdown tags { slug } revisions { id } } }",
                "id",
                id)
            .getJsonObject("staffPost");
    assertThat(post.getInt("version")).isEqualTo(1);
    assertThat(post.getString("markdown")).isEqualTo("Body.");
    assertThat(post.getJsonArray("tags")).isEmpty();
    assertThat(post.getJsonArray("revisions")).hasSize(1);
  }

  @Test
  void unknownAndMalformedIdsAreNamed() {
    for (String mutation :
        new String[] {"publishPost", "unpublishPost", "deletePost", "restorePost"}) {
      assertRefused(
          staff.call(admin, "mutation { " + mutation + "(id: \"999999999\") { id } }"),
          "NOT_FOUND",
          "999999999");
      assertRefused(
          staff.call(admin, "mutation { " + mutation + "(id: \"abc\") { id } }"),
          "BAD_USER_INPUT",
          "abc");
    }
    assertRefused(
        staff.call(
            admin,
            "mutation { updatePost(id: \"999999999\", expectedVersion: 1, input: {title: \"x\"}) { __typename } }"),
        "NOT_FOUND",
        "999999999");
    assertRefused(
        staff.call(admin, "mutation { changeRole(id: \"999999999\", role: AUTHOR) { id } }"),
        "NOT_FOUND",
        "999999999");
  }

  @Test
  void badStaffAndProfileInputIsRefused() {
    assertRefused(createStaff("not-an-email", "a long password"), "BAD_USER_INPUT", "email");
    assertRefused(
        createStaff("short" + System.nanoTime() + "@jotter.test", "short"),
        "BAD_USER_INPUT",
        "password");
    assertRefused(
        createStaff(StaffFixture.ADMIN_EMAIL, "a long password"), "BAD_USER_INPUT", "email");
    assertRefused(
        staff.call(
            admin,
            "mutation { updateMyProfile(input: {website: \"javascript:alert(1)\"}) { name } }"),
        "BAD_USER_INPUT",
        "website");
    assertRefused(
        staff.call(admin, "mutation { updateMyProfile(input: {name: \"   \"}) { name } }"),
        "BAD_USER_INPUT",
        "name");
  }

  JsonObject createStaff(String email, String password) {
    return staff.call(
        admin,
        "mutation($i: StaffInput!) { createStaff(input: $i) { id } }",
        "i",
        Json.createObjectBuilder()
            .add("email", email)
            .add("name", "Someone")
            .add("role", "AUTHOR")
            .add("password", password)
            .build());
  }

  // --- tokens ---------------------------------------------------------------------------------

  String adminId() {
    return staff.data(admin, "{ me { id } }").getJsonObject("me").getString("id");
  }

  @Test
  void aTokenSignedWithTheServersKeyWorks_soTheRefusalsBelowAreAboutTheirDefect() throws Exception {
    String token =
        jwt("RS256", serverKey(), "jotter", "jotter", adminId(), Instant.now().plusSeconds(600));
    assertThat(code(staff.call(token, "{ me { id } }"))).isNull();
  }

  @Test
  void malformedExpiredUnsignedAndWronglySignedTokensAreRefused() throws Exception {
    String sub = adminId();
    Instant later = Instant.now().plusSeconds(600);
    PrivateKey otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
    String[][] tokens = {
      {"malformed", "not-a-jwt"},
      {"three garbage parts", "abc.def.ghi"},
      {
        "expired",
        jwt("RS256", serverKey(), "jotter", "jotter", sub, Instant.now().minusSeconds(600))
      },
      {"unsigned (alg none)", jwt("none", null, "jotter", "jotter", sub, later)},
      {"signed with another key", jwt("RS256", otherKey, "jotter", "jotter", sub, later)},
      {"another issuer", jwt("RS256", serverKey(), "https://evil.example", "jotter", sub, later)},
      {"another audience", jwt("RS256", serverKey(), "jotter", "someone-else", sub, later)},
    };
    long before = draftCount();
    for (String[] t : tokens) {
      JsonObject me = staff.call(t[1], "{ me { id } }");
      assertThat(code(me)).as(t[0]).isEqualTo("UNAUTHENTICATED");
      assertThat(me.getJsonArray("errors").getJsonObject(0).getString("message"))
          .as(t[0])
          .contains("not valid");
      JsonObject write =
          staff.call(t[1], "mutation { createDraft(input: {title: \"Forged\"}) { id } }");
      assertThat(code(write)).as(t[0]).isEqualTo("UNAUTHENTICATED");
    }
    assertThat(draftCount()).isEqualTo(before);
    assertThat(client.data("{ posts(first: 1) { nodes { id } } }"))
        .as("readers are unaffected")
        .isNotNull();
  }

  @Test
  void aSuspendedUsersTokenStopsWorkingAtOnce() {
    String email = "suspended" + System.nanoTime() + "@jotter.test";
    String id = staff.create(email, "Soon suspended", "AUTHOR");
    String token = staff.login(email, StaffFixture.PASSWORD);
    assertThat(code(staff.call(token, "{ me { id } }"))).isNull();

    staff.data(admin, "mutation($id: ID!) { suspendStaff(id: $id) { status } }", "id", id);

    JsonObject write =
        staff.call(token, "mutation { createDraft(input: {title: \"Still here?\"}) { id } }");
    assertRefused(write, "UNAUTHENTICATED", "suspended");
    assertRefused(staff.signIn(email, StaffFixture.PASSWORD), "UNAUTHENTICATED", "suspended");

    staff.data(admin, "mutation($id: ID!) { reactivateStaff(id: $id) { status } }", "id", id);
    assertThat(code(staff.call(token, "{ me { id } }"))).isNull();
  }

  static PrivateKey serverKey() throws Exception {
    return TestKeys.serverKey();
  }

  /** A JWT as a forger would make it; {@code alg} none leaves the signature empty. */
  static String jwt(String alg, PrivateKey key, String iss, String aud, String sub, Instant exp)
      throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = Json.createObjectBuilder().add("alg", alg).add("typ", "JWT").build().toString();
    String claims =
        Json.createObjectBuilder()
            .add("iss", iss)
            .add("aud", aud)
            .add("sub", sub)
            .add("upn", "forged@jotter.test")
            .add("groups", Json.createArrayBuilder().add("ADMINISTRATOR"))
            .add("iat", exp.getEpochSecond() - 3600)
            .add("exp", exp.getEpochSecond())
            .add("jti", "t" + System.nanoTime())
            .build()
            .toString();
    String input =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    if (key == null) {
      return input + ".";
    }
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64.encodeToString(rsa.sign());
  }
}
