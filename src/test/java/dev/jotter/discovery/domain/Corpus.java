package dev.jotter.discovery.domain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labelled corpus of posts under {@code /related-corpus/}: each post has a topic, and a good
 * related list shows posts of the same topic. Tag names get ids by first use.
 *
 * @param name the file's name without {@code .json}
 * @param heldOut true for a corpus kept out of all tuning: its figures are reported, never used to
 *     choose a weight
 */
record Corpus(
    String name,
    boolean heldOut,
    List<Doc> docs,
    Map<Long, String> topics,
    Map<Long, String> slugs,
    Map<Long, String> tagNames) {

  /** Every corpus in the repository; the held-out one last. */
  static final List<String> NAMES =
      List.of("corpus", "generic-first", "workshop", "thinking", "held-out");

  /** The labelled corpora and the demo blog, as the report shows them. */
  static final List<String> REPORTED =
      List.of("corpus", "generic-first", "workshop", "thinking", "demo", "held-out");

  /**
   * The corpora to report on: all, or those named in the system property {@code related.corpora}
   * (comma-separated), so that tuning runs can leave the held-out corpus unseen.
   */
  static List<String> selected(List<String> names) {
    String only = System.getProperty("related.corpora", "");
    return only.isBlank()
        ? names
        : names.stream().filter(List.of(only.split(","))::contains).toList();
  }

  static List<Corpus> reported() {
    return selected(REPORTED).stream().map(Corpus::load).toList();
  }

  /**
   * The demo blog as a corpus: its posts labelled by their category (primary tag). Reported, not
   * held to the 0.9 of the labelled corpora: its posts are written across categories on purpose
   * (robots that use AI, a future of cheap energy), so its own test checks it ({@code
   * DemoBlogRelatedTest}).
   */
  static Corpus demo() {
    Map<String, Long> tagIds = new LinkedHashMap<>();
    List<Doc> docs = new ArrayList<>();
    Map<Long, String> topics = new HashMap<>();
    Map<Long, String> slugs = new HashMap<>();
    try (InputStream in = Corpus.class.getResourceAsStream("/demo/blog.json");
        JsonReader reader = Json.createReader(in)) {
      long id = 0;
      for (JsonObject p : reader.readObject().getJsonArray("posts").getValuesAs(JsonObject.class)) {
        id++;
        String markdown;
        try (InputStream md = Corpus.class.getResourceAsStream("/demo/" + p.getString("file"))) {
          markdown = new String(md.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> tags =
            p.getJsonArray("tags").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .filter(t -> !t.startsWith("hash-"))
                .toList();
        docs.add(
            TestDocs.doc(
                id,
                p.getString("title"),
                markdown,
                tags,
                tagIds,
                "astro",
                p.getString("publishedAt")));
        topics.put(id, tags.get(0));
        slugs.put(id, p.getString("slug"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Corpus("demo", false, docs, topics, slugs, names(tagIds));
  }

  private static Map<Long, String> names(Map<String, Long> tagIds) {
    Map<Long, String> tagNames = new HashMap<>();
    tagIds.forEach((tag, id) -> tagNames.put(id, tag));
    return tagNames;
  }

  static Corpus load(String name) {
    if (name.equals("demo")) {
      return demo();
    }
    Map<String, Long> tagIds = new LinkedHashMap<>();
    List<Doc> docs = new ArrayList<>();
    Map<Long, String> topics = new HashMap<>();
    Map<Long, String> slugs = new HashMap<>();
    try (InputStream in = Corpus.class.getResourceAsStream("/related-corpus/" + name + ".json");
        JsonReader reader = Json.createReader(in)) {
      for (JsonObject p : reader.readObject().getJsonArray("posts").getValuesAs(JsonObject.class)) {
        long id = p.getJsonNumber("id").longValue();
        docs.add(
            TestDocs.doc(
                id,
                p.getString("title"),
                p.getString("markdown"),
                p.getJsonArray("tags").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList(),
                tagIds,
                p.getString("author"),
                p.getString("publishedAt")));
        topics.put(id, p.getString("topic"));
        slugs.put(id, p.getString("slug"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Corpus(name, name.equals("held-out"), docs, topics, slugs, names(tagIds));
  }

  RelatedEngine engine() {
    RelatedEngine engine = new RelatedEngine();
    docs.forEach(engine::put);
    return engine;
  }

  /** How many other posts share the post's topic. */
  long sameTopic(long id) {
    return topics.values().stream().filter(topics.get(id)::equals).count() - 1;
  }
}
