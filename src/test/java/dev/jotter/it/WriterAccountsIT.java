package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jotter.authoring.domain.LoginThrottle;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Claiming the blog, signing in, the token, and one's own profile, over HTTP. */
class WriterAccountsIT extends StaffIT {

  @Test
  void theBlogIsClaimedOnce_byTheAdministratorWhoTakesOverAstro() {
    JsonObject me =
        staff.data(admin, "{ me { email role status author { slug name } } }").getJsonObject("me");
    assertThat(me.getString("email")).isEqualTo(StaffFixture.ADMIN_EMAIL);
    assertThat(me.getString("role")).isEqualTo("ADMINISTRATOR");
    assertThat(me.getJsonObject("author").getString("slug")).isEqualTo("astro");

    JsonObject again =
        client.query(
            "mutation { setup(email: \"second@jotter.test\", name: \"Second\","
                + " password: \"another long password\") { token } }");
    assertThat(code(again)).isEqualTo("FORBIDDEN");
    assertThat(code(staff.signIn("second@jotter.test", "another long password")))
        .as("no second administrator was created")
        .isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void theTokenIsAnRs256JwtWithIssuerAudienceRoleAndAnHourOfLife() {
    JsonObject login =
        client
            .data(
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) {"
                    + " token expiresAt staffUser { role } } }",
                StaffFixture.vars("e", StaffFixture.ADMIN_EMAIL, "p", StaffFixture.PASSWORD))
            .getJsonObject("login");
    String[] parts = login.getString("token").split("\\.");
    assertThat(parts).hasSize(3);
    JsonObject header = GraphQLClient.json(decode(parts[0]));
    JsonObject claims = GraphQLClient.json(decode(parts[1]));
    assertThat(header.getString("alg")).isEqualTo("RS256");
    assertThat(claims.getString("iss")).isEqualTo("jotter");
    assertThat(claims.getString("aud")).isEqualTo("jotter");
    assertThat(claims.getString("upn")).isEqualTo(StaffFixture.ADMIN_EMAIL);
    assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("ADMINISTRATOR");
    assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue())
        .isEqualTo(3600);
  }

  @Test
  void oneUserSigningInFromSeveralPlacesAtOnceGetsATokenEachTime() throws Exception {
    // two sign-ins of one user raced on the row's version (the sign-in time): the loser got
    // INTERNAL_SERVER_ERROR (seen with the writing desk's parallel browser tests). Each attempt
    // counts as a failure of the email while it is in flight (so parallel guesses count one each),
    // so one fewer places than the email's free failures: more at once would rightly wait a second.
    String email = "many-places" + System.nanoTime() + "@jotter.test";
    staff.create(email, "Many Places", "AUTHOR");
    int places = LoginThrottle.FREE_FAILURES - 1;
    ExecutorService pool = Executors.newFixedThreadPool(places);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<JsonObject>> answers = new ArrayList<>();
      for (int i = 0; i < places; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return staff.signIn(email, StaffFixture.PASSWORD);
                }));
      }
      start.countDown();
      for (Future<JsonObject> answer : answers) {
        JsonObject response = answer.get(60, TimeUnit.SECONDS);
        assertThat(code(response)).as(response.toString()).isNull();
      }
    } finally {
      pool.shutdownNow();
    }
    JsonObject me =
        staff
            .data(staff.login(email, StaffFixture.PASSWORD), "{ me { lastLoginAt } }")
            .getJsonObject("me");
    assertThat(me.getString("lastLoginAt")).as("the sign-in time is kept").isNotBlank();
  }

  @Test
  void aWrongEmailAndAWrongPasswordGetTheSameAnswer() {
    JsonObject wrongEmail =
        staff.signIn("nobody" + System.nanoTime() + "@jotter.test", "whatever it is");
    JsonObject wrongPassword =
        staff.signIn(StaffFixture.ADMIN_EMAIL.toUpperCase(), "not the password");
    assertThat(code(wrongEmail)).isEqualTo("UNAUTHENTICATED");
    assertThat(code(wrongPassword)).isEqualTo("UNAUTHENTICATED");
    assertThat(message(wrongEmail)).isEqualTo(message(wrongPassword));
    assertThat(
            code(
                staff.signIn(
                    " " + StaffFixture.ADMIN_EMAIL.toUpperCase() + " ", StaffFixture.PASSWORD)))
        .as("emails compare without case and spaces")
        .isNull();
  }

  @Test
  void repeatedFailuresOnOneEmailAreSlowedDown() throws Exception {
    String email = "guessed" + System.nanoTime() + "@jotter.test";
    staff.create(email, "Guessed", "CONTRIBUTOR");
    for (int i = 0; i < 5; i++) {
      assertThat(code(staff.signIn(email, "guess number " + i))).isEqualTo("UNAUTHENTICATED");
    }
    JsonObject slowed = staff.signIn(email, "guess number 5");
    assertThat(code(slowed)).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(message(slowed)).contains("try again in");
    assertThat(code(staff.signIn(email, StaffFixture.PASSWORD)))
        .as("even the right password waits")
        .isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(code(staff.signIn("other" + email, "a guess")))
        .as("other emails are not slowed")
        .isEqualTo("UNAUTHENTICATED");

    Thread.sleep(1100);
    assertThat(code(staff.signIn(email, StaffFixture.PASSWORD))).isNull();
  }

  @Test
  void staffChangeTheirOwnCard_whichReadersSeeOnceTheyPublish() {
    String email = "card" + System.nanoTime() + "@jotter.test";
    staff.create(email, "Card Writer " + System.nanoTime(), "AUTHOR");
    String author = staff.login(email, StaffFixture.PASSWORD);
    String slug =
        staff
            .data(author, "{ me { author { slug } } }")
            .getJsonObject("me")
            .getJsonObject("author")
            .getString("slug");
    JsonObject card =
        staff
            .data(
                author,
                "mutation { updateMyProfile(input: {bio: \"Writes about rockets.\","
                    + " website: \"https://example.com\", location: \"Lisbon\"}) { name bio website location } }")
            .getJsonObject("updateMyProfile");
    assertThat(card.getString("bio")).isEqualTo("Writes about rockets.");
    String readerQuery = "query($s: String!) { author(slug: $s) { bio website location } }";
    assertThat(client.data(readerQuery, StaffFixture.vars("s", slug)).get("author"))
        .as("staff who have published nothing are not enumerable")
        .isEqualTo(JsonValue.NULL);
    String id =
        staff
            .data(author, "mutation { createDraft(input: {title: \"Rockets\"}) { id } }")
            .getJsonObject("createDraft")
            .getString("id");
    staff.data(author, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);
    JsonObject seen =
        client.data(readerQuery, StaffFixture.vars("s", slug)).getJsonObject("author");
    assertThat(seen.getString("bio")).isEqualTo("Writes about rockets.");
    assertThat(seen.getString("website")).isEqualTo("https://example.com");
    assertThat(seen.getString("location")).isEqualTo("Lisbon");
  }

  @Test
  void staffChangeTheirPassword() {
    String email = "changer" + System.nanoTime() + "@jotter.test";
    staff.create(email, "Changer", "AUTHOR");
    String token = staff.login(email, StaffFixture.PASSWORD);
    JsonObject wrong =
        staff.call(
            token,
            "mutation { changeMyPassword(currentPassword: \"wrong one\", newPassword: \"brand new password\") }");
    assertThat(code(wrong)).isEqualTo("BAD_USER_INPUT");
    staff.data(
        token,
        "mutation($c: String!) { changeMyPassword(currentPassword: $c, newPassword: \"brand new password\") }",
        "c",
        StaffFixture.PASSWORD);
    assertThat(code(staff.signIn(email, "brand new password"))).isNull();
    assertThat(code(staff.signIn(email, StaffFixture.PASSWORD))).isEqualTo("UNAUTHENTICATED");
  }

  static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  static String message(JsonObject response) {
    return response.getJsonArray("errors").getJsonObject(0).getString("message");
  }
}
