package dev.jotter.it;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** Base of the staff-side tests over HTTP: a {@link StaffFixture} and the administrator's token. */
abstract class StaffIT extends HttpIT {

  StaffFixture staff;
  String admin;

  @BeforeEach
  void signInAsAdministrator() {
    staff = new StaffFixture(client);
    admin = staff.admin();
  }

  /** The ids of a connection's nodes, in order. */
  static List<String> nodeIds(JsonObject connection) {
    return connection.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
        .map(n -> n.getString("id"))
        .toList();
  }

  /** The ids of a published post's first three related posts, as readers see them. */
  List<String> relatedIds(String slug) {
    return client
        .data(
            "query($s: String!) { post(slug: $s) { related(first: 3) { post { id } } } }",
            StaffFixture.vars("s", slug))
        .getJsonObject("post")
        .getJsonArray("related")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(r -> r.getJsonObject("post").getString("id"))
        .toList();
  }
}
