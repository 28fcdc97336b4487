package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in graphql-schema/schema.graphql is exactly what the server serves, so every schema
 * change shows up in review as a diff of that file. On a difference the served schema is written to
 * target/schema.graphql: copy it over the checked-in file when the change is intended.
 */
class SchemaDriftIT extends HttpIT {

  @Test
  void theCheckedInSchemaIsTheServedSchema() throws Exception {
    HttpResponse<String> served = client.get("/graphql/schema.graphql");
    assertThat(served.statusCode()).isEqualTo(200);
    Path checkedIn =
        Path.of(System.getProperty("jotter.schema.file", "graphql-schema/schema.graphql"));
    Files.writeString(Path.of("target", "schema.graphql"), served.body(), StandardCharsets.UTF_8);
    assertThat(Files.readString(checkedIn, StandardCharsets.UTF_8))
        .as(
            "graphql-schema/schema.graphql differs from the served schema; if the change is"
                + " intended: cp target/schema.graphql graphql-schema/schema.graphql")
        .isEqualTo(served.body());
  }
}
