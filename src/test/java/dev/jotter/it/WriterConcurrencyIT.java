package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

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
                "query($id: ID!) { post(id: $id) { version markdown revisions { markdown } } }",
                "id",
                id)
            .getJsonObject("post");
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
}
