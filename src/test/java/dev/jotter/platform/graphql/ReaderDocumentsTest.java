package dev.jotter.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import graphql.parser.Parser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReaderDocumentsTest {

  private static final Path QUERIES = Path.of("src/main/webapp/app/queries.js");

  @Test
  void findsEveryDocumentThePagesSend_asGraphQL() throws IOException {
    List<String> documents = ReaderDocuments.parse(Files.readString(QUERIES));
    assertThat(documents).hasSize(7);
    assertThat(documents)
        .anySatisfy(d -> assertThat(d).contains("query PostPage(", "related(first: 3)"));
    assertThat(documents)
        .anySatisfy(
            d -> assertThat(d).contains("query PreviewPage(", "post(previewToken: $token)"));
    for (String document : documents) {
      assertThat(document).doesNotContain("${");
      assertThat(Parser.parse(document).getDefinitions()).isNotEmpty();
    }
  }

  /** The texts must be exactly what the browser sends, or their hashes would not match. */
  @Test
  void theTextsAreExactlyWhatTheBrowserEvaluates() throws Exception {
    Process node;
    try {
      node =
          new ProcessBuilder(
                  "node",
                  "--input-type=module",
                  "-e",
                  "const q = await import(process.argv[1]);"
                      + " console.log(JSON.stringify(Object.keys(q).sort().map((k) => q[k])))",
                  QUERIES.toAbsolutePath().toUri().toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      assumeThat(false).as("node is not installed").isTrue();
      return;
    }
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.exitValue()).as(output).isZero();
    JsonArray evaluated = Json.createReader(new StringReader(output)).readArray();
    assertThat(evaluated.getValuesAs(JsonString.class).stream().map(JsonString::getString))
        .containsExactlyInAnyOrderElementsOf(ReaderDocuments.parse(Files.readString(QUERIES)));
  }

  @Test
  void aPlaceholderBeforeItsConstantIsRefused() {
    String module = "export const A = /* GraphQL */ `query A { ...F } ${F}`;";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReaderDocuments.parse(module))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("${F}");
  }
}
