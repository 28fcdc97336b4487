package dev.jotter.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Jotter's code takes its JSON builders and readers from {@link Jsons#JSON}, never from Json. */
class JsonsTest {

  private static final Pattern LOOKUP_EACH_CALL = Pattern.compile("\\bJson\\.create");

  @Test
  void noMainSourceLooksTheProviderUpOnEachCall() throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders =
          sources
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> LOOKUP_EACH_CALL.matcher(read(p)).find())
              .map(Path::toString)
              .toList();
      assertEquals(List.of(), offenders, "use Jsons.JSON.create…() instead of Json.create…()");
    }
  }

  @Test
  void theProviderBuildsJson() {
    assertEquals(
        "{\"a\":[1]}",
        Jsons.JSON
            .createObjectBuilder()
            .add("a", Jsons.JSON.createArrayBuilder().add(1))
            .build()
            .toString());
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
