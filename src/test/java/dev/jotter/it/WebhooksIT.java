package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jotter.authoring.domain.WebhookSignature;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks over HTTP, with a receiver inside the test: an administrator's webhook gets each event
 * once, as a signed snapshot; failed attempts are retried with growing waits while the post's later
 * events wait their turn; a 410 Gone or a run of failures stops it; the delivery log shows every
 * attempt and a delivery can be sent again; bad targets and callers get clear errors and nothing is
 * made. (The test server allows 127.0.0.1 only; see src/test/liberty/jvm.options.)
 */
class WebhooksIT extends StaffIT {

  static final String CREATE =
      "mutation($i: WebhookInput!) { createWebhook(input: $i) { secret webhook { id name url"
          + " events active } } }";
  static final String LOG =
      "query($w: ID!) { webhookDeliveries(webhookId: $w, first: 50) { edges { node { id event"
          + " status attempt responseCode durationMs error changeId redeliveryOf payload } }"
          + " pageInfo { hasNextPage } } }";

  WebhookReceiver receiver;
  final List<String> made = new ArrayList<>();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void deleteWebhooksAndStopReceiver() {
    for (String id : made) {
      staff.call(admin, "mutation($id: ID!) { deleteWebhook(id: $id) }", "id", id);
    }
    receiver.close();
  }

  static JsonObject input(String url, String... events) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (String event : events) {
      list.add(event);
    }
    return Json.createObjectBuilder().add("url", url).add("events", list).build();
  }

  /** Creates a webhook as the administrator; its id and secret. */
  String[] webhook(String path, String... events) {
    JsonObject created =
        staff
            .data(admin, CREATE, "i", input(receiver.url(path), events))
            .getJsonObject("createWebhook");
    String id = created.getJsonObject("webhook").getString("id");
    made.add(id);
    return new String[] {id, created.getString("secret")};
  }

  String publishedPost(String title) {
    String id =
        staff
            .data(
                admin,
                "mutation($i: PostInput!) { createDraft(input: $i) { id } }",
                "i",
                vars("title", title, "markdown", "Webhooks carry this to the frontends."))
            .getJsonObject("createDraft")
            .getString("id");
    staff.data(admin, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);
    return id;
  }

  void edit(String id, long expectedVersion, String markdown) {
    JsonObject saved =
        staff.data(
            admin,
            "mutation($id: ID!, $v: BigInteger!, $m: String!) { updatePost(id: $id, expectedVersion: $v,"
                + " input: {markdown: $m}) { __typename } }",
            "id",
            id,
            "v",
            expectedVersion,
            "m",
            markdown);
    assertThat(saved.getJsonObject("updatePost").getString("__typename")).isEqualTo("EditSaved");
  }

  long version(String id) {
    return staff
        .data(admin, "query($id: ID!) { post(id: $id) { version } }", "id", id)
        .getJsonObject("post")
        .getJsonNumber("version")
        .longValue();
  }

  static boolean about(WebhookReceiver.Received r, String postId) {
    JsonObject post = GraphQLClient.json(r.body()).getJsonObject("post");
    return post != null && post.getString("id").equals(postId);
  }

  List<JsonObject> log(String webhookId) {
    return staff
        .data(admin, LOG, "w", webhookId)
        .getJsonObject("webhookDeliveries")
        .getJsonArray("edges")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(e -> e.getJsonObject("node"))
        .toList();
  }

  JsonObject webhookState(String id) {
    return staff
        .data(admin, "{ webhooks { id active consecutiveFailures disabledReason } }")
        .getJsonArray("webhooks")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(w -> w.getString("id").equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** Polls the webhook list (at most 30 s) until the webhook is inactive. */
  JsonObject awaitInactive(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonObject state = webhookState(id);
    while (state.getBoolean("active") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      state = webhookState(id);
    }
    return state;
  }

  @Test
  void publishingSendsEachWebhookOneSignedSnapshotAndTheLogShowsIt() throws Exception {
    String[] hook = webhook("/build", "POST_PUBLISHED");
    String title = "Signals from Europa " + System.nanoTime();
    String postId = publishedPost(title);

    List<WebhookReceiver.Received> got = receiver.await(1, r -> about(r, postId));
    assertThat(got).hasSize(1);
    WebhookReceiver.Received request = got.get(0);
    assertThat(request.header("Jotter-Event")).isEqualTo("post.published");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    String signature = request.header("Jotter-Signature");
    assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
    assertThat(WebhookSignature.verifies(hook[1], signature, request.body())).isTrue();
    assertThat(WebhookSignature.verifies("whsec_someone-else", signature, request.body()))
        .isFalse();
    long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
    assertThat(Math.abs(System.currentTimeMillis() / 1000 - t)).isLessThan(300);

    JsonObject body = GraphQLClient.json(request.body());
    assertThat(body.getString("event")).isEqualTo("post.published");
    assertThat(body.getString("changeId")).matches("\\d+");
    JsonObject post = body.getJsonObject("post");
    assertThat(post.getString("title")).isEqualTo(title);
    assertThat(post.getString("status")).isEqualTo("PUBLISHED");
    assertThat(post.getString("url")).endsWith("/p/" + post.getString("slug"));
    assertThat(post.getString("html")).contains("Webhooks carry this");
    assertThat(post.getJsonArray("authors")).isNotEmpty();

    Thread.sleep(1_000); // long enough for a second copy to arrive, if one were sent
    assertThat(receiver.all(r -> about(r, postId))).as("sent once").hasSize(1);
    List<JsonObject> log = log(hook[0]);
    JsonObject line =
        log.stream()
            .filter(d -> d.getString("id").equals(request.header("Jotter-Delivery")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no log line for the delivery: " + log));
    assertThat(line.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(line.getInt("attempt")).isEqualTo(1);
    assertThat(line.getInt("responseCode")).isEqualTo(200);
    assertThat(line.getInt("durationMs")).isGreaterThanOrEqualTo(0);
    assertThat(line.getString("changeId")).isEqualTo(body.getString("changeId"));
    assertThat(line.getString("payload")).isEqualTo(request.body());

    JsonObject listed = staff.call(admin, "{ webhooks { id secret } }");
    assertThat(code(listed))
        .as("the secret is never read back")
        .isEqualTo("GRAPHQL_VALIDATION_FAILED");
  }

  @Test
  void failedAttemptsAreRetriedWhileThePostsLaterEventsWaitTheirTurn() throws Exception {
    receiver.answering(n -> n < 2 ? 500 : 200);
    String[] hook = webhook("/flaky", "POST_PUBLISHED", "POST_UPDATED");
    String postId = publishedPost("Orbital mechanics, retried " + System.nanoTime());
    edit(postId, version(postId), "First change.");
    edit(postId, version(postId), "Second change.");

    List<WebhookReceiver.Received> got = receiver.await(5, r -> about(r, postId));
    assertThat(got).hasSize(5);
    assertThat(got.stream().map(WebhookReceiver.Received::answered))
        .containsExactly(500, 500, 200, 200, 200);
    assertThat(got.stream().map(r -> r.header("Jotter-Event")))
        .as("the post's events in order, the published one retried first")
        .containsExactly(
            "post.published", "post.published", "post.published", "post.updated", "post.updated");
    assertThat(got.get(0).header("Jotter-Delivery"))
        .isEqualTo(got.get(2).header("Jotter-Delivery"));
    assertThat(GraphQLClient.json(got.get(4).body()).getJsonObject("post").getString("html"))
        .contains("Second change.");
    long firstVersion =
        GraphQLClient.json(got.get(3).body())
            .getJsonObject("post")
            .getJsonNumber("version")
            .longValue();
    long secondVersion =
        GraphQLClient.json(got.get(4).body())
            .getJsonObject("post")
            .getJsonNumber("version")
            .longValue();
    assertThat(secondVersion).isGreaterThan(firstVersion);

    JsonObject published =
        log(hook[0]).stream()
            .filter(d -> d.getString("id").equals(got.get(0).header("Jotter-Delivery")))
            .findFirst()
            .orElseThrow();
    assertThat(published.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(published.getInt("attempt")).isEqualTo(3);
    assertThat(webhookState(hook[0]).getInt("consecutiveFailures")).isZero();
  }

  @Test
  void aGoneTargetStopsTheWebhookAndSoDoFailuresInARow() throws Exception {
    receiver.answering(n -> 410);
    String[] gone = webhook("/gone", "POST_PUBLISHED");
    publishedPost("Decommissioned satellites " + System.nanoTime());
    JsonObject state = awaitInactive(gone[0]);
    assertThat(state.getBoolean("active")).isFalse();
    assertThat(state.getString("disabledReason")).contains("410 Gone");
    assertThat(log(gone[0]).get(0).getString("status")).isEqualTo("FAILED");

    try (WebhookReceiver broken = new WebhookReceiver().answering(n -> 503)) {
      String id =
          staff
              .data(admin, CREATE, "i", input(broken.url("/down"), "POST_PUBLISHED"))
              .getJsonObject("createWebhook")
              .getJsonObject("webhook")
              .getString("id");
      made.add(id);
      publishedPost("Dust storms on Mars " + System.nanoTime());
      JsonObject down = awaitInactive(id);
      assertThat(down.getBoolean("active")).isFalse();
      assertThat(down.getString("disabledReason"))
          .contains("6 attempts failed in a row")
          .contains("HTTP 503");
      assertThat(broken.all(r -> true)).hasSize(6);
      JsonObject line = log(id).get(0);
      assertThat(line.getString("status"))
          .as("waiting for the webhook to be turned on again")
          .isEqualTo("PENDING");
      assertThat(line.getInt("attempt")).isEqualTo(6);
      assertThat(line.getString("error")).contains("HTTP 503");

      // turned on again, with a receiver that answers now: the waiting delivery goes out
      broken.answering(n -> 200);
      JsonObject on =
          staff
              .data(
                  admin,
                  "mutation($id: ID!) { updateWebhook(id: $id, input: {active: true}) {"
                      + " active consecutiveFailures disabledReason } }",
                  "id",
                  id)
              .getJsonObject("updateWebhook");
      assertThat(on.getBoolean("active")).isTrue();
      assertThat(on.getInt("consecutiveFailures")).isZero();
      assertThat(on.isNull("disabledReason")).isTrue();
      assertThat(broken.await(7, r -> true)).hasSize(7);
    }
  }

  @Test
  void aDeliveryCanBeSentAgainAsANewDelivery() throws Exception {
    String[] hook = webhook("/again", "POST_PUBLISHED");
    String postId = publishedPost("Rerun of the launch " + System.nanoTime());
    WebhookReceiver.Received first = receiver.await(1, r -> about(r, postId)).get(0);
    String deliveryId = first.header("Jotter-Delivery");

    JsonObject again =
        staff
            .data(
                admin,
                "mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { id status redeliveryOf } }",
                "d",
                deliveryId)
            .getJsonObject("redeliverWebhook");
    assertThat(again.getString("redeliveryOf")).isEqualTo(deliveryId);
    assertThat(again.getString("id")).isNotEqualTo(deliveryId);

    List<WebhookReceiver.Received> both = receiver.await(2, r -> about(r, postId));
    assertThat(both).hasSize(2);
    assertThat(both.get(1).body()).isEqualTo(first.body());
    assertThat(both.get(1).header("Jotter-Delivery")).isEqualTo(again.getString("id"));
    assertThat(
            WebhookSignature.verifies(
                hook[1], both.get(1).header("Jotter-Signature"), both.get(1).body()))
        .isTrue();
  }

  @Test
  void badTargetsAndCallersAreRefusedAndNothingIsMade() {
    int before = staff.data(admin, "{ webhooks { id } }").getJsonArray("webhooks").size();
    for (String url :
        List.of(
            "http://127.0.0.2:9181/hooks", // loopback, but not the 127.0.0.1 the tests allow
            "http://[::1]:9181/hooks",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.1/hooks",
            "http://192.168.1.1/hooks",
            "ftp://127.0.0.1/hooks",
            "http://user:secret@127.0.0.1/hooks",
            "not a url at all",
            " ")) {
      JsonObject res = staff.call(admin, CREATE, "i", input(url, "POST_PUBLISHED"));
      assertThat(code(res)).as(url + ": " + res).isEqualTo("BAD_USER_INPUT");
      assertThat(res.getJsonArray("errors").getJsonObject(0).getString("message"))
          .startsWith("url:");
    }
    JsonObject loopback =
        staff.call(admin, CREATE, "i", input("http://127.0.0.2/h", "POST_PUBLISHED"));
    assertThat(loopback.getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("127.0.0.2 is a loopback address");

    JsonObject noEvents = staff.call(admin, CREATE, "i", input(receiver.url("/h")));
    assertThat(code(noEvents)).isEqualTo("BAD_USER_INPUT");
    JsonObject unknownEvent =
        staff.call(admin, CREATE, "i", input(receiver.url("/h"), "POST_LIKED"));
    assertThat(code(unknownEvent)).isNotNull();

    String editor = staff.as("EDITOR");
    assertThat(code(staff.call(editor, CREATE, "i", input(receiver.url("/h"), "POST_PUBLISHED"))))
        .isEqualTo("FORBIDDEN");
    assertThat(code(staff.call(editor, "{ webhooks { id } }"))).isEqualTo("FORBIDDEN");
    assertThat(code(client.query(CREATE, vars("i", input(receiver.url("/h"), "POST_PUBLISHED")))))
        .isEqualTo("UNAUTHENTICATED");

    assertThat(
            code(
                staff.call(
                    admin, "mutation { redeliverWebhook(deliveryId: \"987654321\") { id } }")))
        .isEqualTo("NOT_FOUND");
    assertThat(code(staff.call(admin, "mutation { redeliverWebhook(deliveryId: \"x\") { id } }")))
        .isEqualTo("BAD_USER_INPUT");
    assertThat(code(staff.call(admin, LOG, "w", "987654321"))).isEqualTo("NOT_FOUND");
    assertThat(
            code(
                staff.call(
                    admin,
                    "mutation { updateWebhook(id: \"987654321\", input: {active: false}) { id } }")))
        .isEqualTo("NOT_FOUND");

    String[] hook = webhook("/kept", "POST_PUBLISHED");
    JsonObject retarget =
        staff.call(
            admin,
            "mutation($id: ID!, $i: WebhookInput!) { updateWebhook(id: $id, input: $i) { url } }",
            "id",
            hook[0],
            "i",
            Json.createObjectBuilder()
                .add("url", "http://10.1.1.1/")
                .add("name", "renamed")
                .build());
    assertThat(code(retarget)).isEqualTo("BAD_USER_INPUT");
    JsonObject kept =
        staff
            .data(admin, "{ webhooks { id name url } }")
            .getJsonArray("webhooks")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(w -> w.getString("id").equals(hook[0]))
            .findFirst()
            .orElseThrow();
    assertThat(kept.getString("url")).as("nothing half-saved").isEqualTo(receiver.url("/kept"));
    assertThat(kept.getString("name")).isEqualTo("127.0.0.1");
    assertThat(staff.data(admin, "{ webhooks { id } }").getJsonArray("webhooks"))
        .hasSize(before + 1);
  }
}
