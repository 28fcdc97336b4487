package dev.jotter.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo blog every test server starts with, as its manifest ({@code demo/blog.json}) lists it:
 * tests about the demo blog look at these posts by slug, never at "whatever the blog holds", so
 * what other test classes wrote does not change their outcome.
 */
final class DemoBlog {

  private DemoBlog() {}

  /** The slugs of the demo posts. */
  static List<String> postSlugs() {
    return manifest().getJsonArray("posts").getValuesAs(JsonObject.class).stream()
        .map(p -> p.getString("slug"))
        .toList();
  }

  /** The slugs of the demo posts by this author. */
  static List<String> postSlugsBy(String author) {
    return manifest().getJsonArray("posts").getValuesAs(JsonObject.class).stream()
        .filter(
            p ->
                p.getJsonArray("authors").getValuesAs(jakarta.json.JsonString.class).stream()
                    .anyMatch(a -> a.getString().equals(author)))
        .map(p -> p.getString("slug"))
        .toList();
  }

  private static JsonObject manifest() {
    try (InputStream in = DemoBlog.class.getClassLoader().getResourceAsStream("demo/blog.json")) {
      if (in == null) {
        throw new IllegalStateException("demo/blog.json is not on the test classpath");
      }
      try (JsonReader reader = Json.createReader(in)) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
