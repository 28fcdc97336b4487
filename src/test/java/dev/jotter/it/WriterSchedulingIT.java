package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled posts go live at their time (within 5 s), also when the time passed while Jotter was
 * not running: the schedule lives in the database and is caught up at start.
 */
class WriterSchedulingIT extends StaffIT {

  /** The dropins of the Arquillian server this run uses (H2's, or PostgreSQL's in that run). */
  static final Path DROPINS =
      Path.of(
          "target/liberty/wlp/usr/servers",
          System.getProperty("jotter.it.database", "h2").equals("postgresql")
              ? "arquillianPostgres"
              : "arquillianServer",
          "dropins");

  String author;

  @BeforeEach
  void signInAsAuthor() {
    author = staff.as("AUTHOR");
  }

  String draft() {
    return staff
        .data(
            author,
            "mutation { createDraft(input: {title: \"Scheduled thought\", markdown: \"Later.\"}) { id } }")
        .getJsonObject("createDraft")
        .getString("id");
  }

  JsonObject schedule(String id, OffsetDateTime at) {
    return staff
        .data(
            author,
            "mutation($id: ID!, $at: DateTime!) { schedulePost(id: $id, publishAt: $at) { status publishedAt slug } }",
            "id",
            id,
            "at",
            at.toString())
        .getJsonObject("schedulePost");
  }

  JsonObject state(String id) {
    return staff
        .data(
            author, "query($id: ID!) { staffPost(id: $id) { status publishedAt slug } }", "id", id)
        .getJsonObject("staffPost");
  }

  @Test
  void aScheduledPostGoesLiveAtItsTime() throws Exception {
    String id = draft();
    OffsetDateTime at =
        OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
    JsonObject scheduled = schedule(id, at);
    assertThat(scheduled.getString("status")).isEqualTo("SCHEDULED");
    String slug = scheduled.getString("slug");
    assertThat(readerPost(slug)).as("not live before its time").isEqualTo(JsonValue.NULL);

    Instant live = waitUntilPublished(id, at.toInstant().plusSeconds(10));
    Duration late = Duration.between(at.toInstant(), live);
    System.out.printf("scheduled post went live %d ms after its time%n", late.toMillis());
    assertThat(late).isLessThan(Duration.ofSeconds(5));
    assertThat(OffsetDateTime.parse(state(id).getString("publishedAt")).toInstant())
        .isEqualTo(at.toInstant());
    assertThat(readerPost(slug)).isNotEqualTo(JsonValue.NULL);
  }

  @Test
  void unpublishingCancelsASchedule() throws Exception {
    String id = draft();
    schedule(id, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    staff.data(author, "mutation($id: ID!) { unpublishPost(id: $id) { id } }", "id", id);
    Thread.sleep(4000);
    assertThat(state(id).getString("status")).isEqualTo("DRAFT");
    assertThat(state(id).get("publishedAt")).isEqualTo(JsonValue.NULL);
  }

  @Test
  void aPublishTimeInThePastIsRefused() {
    String id = draft();
    JsonObject response =
        staff.call(
            author,
            "mutation($id: ID!) { schedulePost(id: $id, publishAt: \"2020-01-01T00:00:00Z\") { id } }",
            "id",
            id);
    assertThat(code(response)).isEqualTo("BAD_USER_INPUT");
    assertThat(state(id).getString("status")).isEqualTo("DRAFT");
  }

  /**
   * Takes the application out of the server while a post's time passes, then deploys it again (a
   * restart of Jotter: its timers are gone, the database stays): the post is published at start.
   */
  @Test
  void aPostDueWhileJotterWasDownIsPublishedAtStart() throws Exception {
    String id = draft();
    OffsetDateTime at =
        OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
    schedule(id, at);

    Path app = deployedApp();
    Path aside = Files.createTempDirectory("jotter-stopped").resolve(app.getFileName());
    Files.move(app, aside);
    try {
      waitForStatus(404, Duration.ofSeconds(60));
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), at.toInstant()).toMillis()) + 2000);
      assertThat(Instant.now()).isAfter(at.toInstant());
    } finally {
      Files.move(aside, app);
    }
    waitForStatus(200, Duration.ofSeconds(120));
    Instant back = Instant.now();

    Instant live = waitUntilPublished(id, back.plusSeconds(5));
    System.out.printf(
        "post due while Jotter was down: published %d ms after it came back%n",
        Duration.between(back, live).toMillis());
    assertThat(OffsetDateTime.parse(state(id).getString("publishedAt")).toInstant())
        .as("it went live at its scheduled time")
        .isEqualTo(at.toInstant());
  }

  Path deployedApp() throws IOException {
    try (Stream<Path> files = Files.list(DROPINS)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("jotter-it"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("the test application is not in " + DROPINS));
    }
  }

  void waitForStatus(int status, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (client.post("{\"query\":\"{ __typename }\"}", "application/json").statusCode()
            == status) {
          return;
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/graphql did not answer " + status + " within " + timeout);
  }

  Instant waitUntilPublished(String id, Instant deadline) throws InterruptedException {
    while (Instant.now().isBefore(deadline)) {
      if (state(id).getString("status").equals("PUBLISHED")) {
        return Instant.now();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("post " + id + " was not published by " + deadline + ": " + state(id));
  }

  JsonValue readerPost(String slug) {
    return client
        .data("query($s: String!) { post(slug: $s) { id } }", StaffFixture.vars("s", slug))
        .get("post");
  }
}
