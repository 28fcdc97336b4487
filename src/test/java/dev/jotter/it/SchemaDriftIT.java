package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** The query cost limit knows every list's size: each list field says it with @listSize. */
  @Test
  void everyListFieldDeclaresItsSize() {
    String sdl = client.get("/graphql/schema.graphql").body();
    TypeDefinitionRegistry types = new SchemaParser().parse(sdl);
    List<String> undeclared = new ArrayList<>();
    for (ObjectTypeDefinition type : types.getTypes(ObjectTypeDefinition.class)) {
      for (FieldDefinition field : type.getFieldDefinitions()) {
        Type<?> fieldType = field.getType();
        if (fieldType instanceof NonNullType nonNull) {
          fieldType = nonNull.getType();
        }
        if (fieldType instanceof ListType && !field.hasDirective("listSize")) {
          undeclared.add(type.getName() + "." + field.getName());
        }
      }
    }
    assertThat(undeclared).as("list fields without @listSize").isEmpty();
  }
}
