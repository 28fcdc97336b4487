package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Editors racing to save the same version of a post: exactly one wins, every other is told with an
 * EditConflict and saved nothing, and no accepted write is lost.
 */
class WriterConcurrencyIT extends StaffIT {

  static final int EDITORS = 8;

  @Test
  void ofEditorsRacingOnOneVersionExactlyOneWins_andNoWriteIsLost() throws Exception {
    String editor = staff.as("EDITOR");
    String id =
        staff
            .data(
                admin,
                "mutation { createDraft(input: {title: \"Race\", markdown: \"start\"}) { id } }")
            .getJsonObject("createDraft")
            .getString("id");

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
    List<Future<JsonObject>> results = new ArrayList<>();
    for (int i = 0; i < EDITORS; i++) {
      String token = i % 2 == 0 ? editor : admin;
      String body = "version by editor " + i;
      Callable<JsonObject> save =
          () -> {
            start.await();
            return staff.data(
                token,
                "mutation($id: ID!, $m: String!) { updatePost(id: $id, expectedVersion: 1,"
                    + " input: {markdown: $m}) { __typename"
                    + " ... on EditSaved { post { version markdown } }"
                    + " ... on EditConflict { currentVersion conflictingFields"
                    + " current { markdown } } } }",
                "id",
                id,
                "m",
                body);
          };
      results.add(pool.submit(save));
    }
    start.countDown();
    List<JsonObject> outcomes = new ArrayList<>();
    for (Future<JsonObject> result : results) {
      outcomes.add(result.get().getJsonObject("updatePost"));
    }
    pool.shutdown();

    List<JsonObject> saved =
        outcomes.stream().filter(o -> o.getString("__typename").equals("EditSaved")).toList();
    List<JsonObject> conflicts =
        outcomes.stream().filter(o -> o.getString("__typename").equals("EditConflict")).toList();
    System.out.printf(
        "racing editors: %d saved, %d told of a conflict%n", saved.size(), conflicts.size());
    assertThat(saved).hasSize(1);
    assertThat(conflicts).hasSize(EDITORS - 1);

    String winner = saved.get(0).getJsonObject("post").getString("markdown");
    for (JsonObject conflict : conflicts) {
      assertThat(conflict.getJsonNumber("currentVersion").longValue()).isEqualTo(2);
      assertThat(conflict.getJsonObject("current").getString("markdown")).isEqualTo(winner);
      assertThat(conflict.getJsonArray("conflictingFields").getString(0)).isEqualTo("markdown");
    }

    JsonObject post =
        staff
            .data(
                admin,
                "query($id: ID!) { staffPost(id: $id) { version markdown revisions { markdown } } }",
                "id",
                id)
            .getJsonObject("staffPost");
    assertThat(post.getJsonNumber("version").longValue()).isEqualTo(2);
    assertThat(post.getString("markdown")).isEqualTo(winner);
    assertThat(post.getJsonArray("revisions").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("markdown"))
        .containsExactly(winner, "start");

    // a loser merges and saves on top of the winner: both writes are kept
    JsonObject merged =
        staff
            .data(
                editor,
                "mutation($id: ID!, $m: String!) { updatePost(id: $id, expectedVersion: 2,"
                    + " input: {markdown: $m}) { __typename } }",
                "id",
                id,
                "m",
                winner + "\n\nand the loser's words")
            .getJsonObject("updatePost");
    assertThat(merged.getString("__typename")).isEqualTo("EditSaved");
  }

  @Test
  void draftsRacingForOneTitleAllGetTheirOwnSlug() throws Exception {
    String title = "Same title race " + System.nanoTime();
    List<JsonObject> outcomes =
        race(
            EDITORS,
            i ->
                staff.call(
                    i % 2 == 0 ? admin : staff.as("EDITOR"),
                    "mutation($t: String!) { createDraft(input: {title: $t}) { slug } }",
                    "t",
                    title));
    List<String> slugs =
        outcomes.stream()
            .peek(o -> assertThat(code(o)).as(o.toString()).isNull())
            .map(o -> o.getJsonObject("data").getJsonObject("createDraft").getString("slug"))
            .toList();
    assertThat(slugs).doesNotHaveDuplicates().hasSize(EDITORS);
  }

  @Test
  void staffCreationsRacingForOneEmail_oneWinsTheOthersAreTold() throws Exception {
    String email = "twice" + System.nanoTime() + "@jotter.test";
    List<JsonObject> outcomes =
        race(
            4,
            i ->
                staff.call(
                    admin,
                    "mutation($i: StaffInput!) { createStaff(input: $i) { id } }",
                    "i",
                    Json.createObjectBuilder()
                        .add("email", email)
                        .add("name", "Twice")
                        .add("role", "AUTHOR")
                        .add("password", StaffFixture.PASSWORD)
                        .build()));
    assertThat(outcomes.stream().filter(o -> code(o) == null)).hasSize(1);
    assertThat(outcomes.stream().map(StaffFixture::code).filter(c -> c != null))
        .hasSize(3)
        .containsOnly("BAD_USER_INPUT");
  }

  /** Runs {@code calls} requests at once, released together, and returns their answers. */
  static List<JsonObject> race(int calls, java.util.function.IntFunction<JsonObject> call)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<JsonObject>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.apply(n);
                }));
      }
      start.countDown();
      List<JsonObject> answers = new ArrayList<>();
      for (Future<JsonObject> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }
}
