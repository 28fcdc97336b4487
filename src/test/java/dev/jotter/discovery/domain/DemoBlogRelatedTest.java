package dev.jotter.discovery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo blog's related lists, as a newcomer sees them: printed, and checked to be what a person
 * would call related (most of each post's top three share a public tag with it).
 */
class DemoBlogRelatedTest {

  @Test
  void everyDemoPostsTopThreeMostlyShareATagWithIt() throws Exception {
    Map<String, Long> tagIds = new LinkedHashMap<>();
    Map<Long, String> slugs = new HashMap<>();
    RelatedEngine engine = new RelatedEngine();
    Map<Long, Doc> docs = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/demo/blog.json");
        JsonReader reader = Json.createReader(in)) {
      long id = 0;
      for (JsonObject p : reader.readObject().getJsonArray("posts").getValuesAs(JsonObject.class)) {
        id++;
        String markdown;
        try (InputStream md = getClass().getResourceAsStream("/demo/" + p.getString("file"))) {
          markdown = new String(md.readAllBytes(), StandardCharsets.UTF_8);
        }
        Doc doc =
            TestDocs.doc(
                id,
                p.getString("title"),
                markdown,
                p.getJsonArray("tags").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .filter(t -> !t.startsWith("hash-"))
                    .toList(),
                tagIds,
                "astro",
                p.getString("publishedAt"));
        engine.put(doc);
        docs.put(id, doc);
        slugs.put(id, p.getString("slug"));
      }
    }
    int sharing = 0;
    int shown = 0;
    List<String> withoutTheirCategory = new ArrayList<>();
    for (Doc doc : docs.values()) {
      StringBuilder line = new StringBuilder(slugs.get(doc.id()) + ":");
      boolean category = false;
      for (Related r : engine.relatedTo(doc.id(), List.of(), Set.of()).stream().limit(3).toList()) {
        line.append(
            String.format("%n    %.3f %s %s", r.score(), slugs.get(r.relatedId()), r.reasons()));
        shown++;
        if (!r.sharedTagIds().isEmpty()) {
          sharing++;
        }
        category |= doc.primaryTagId().equals(docs.get(r.relatedId()).primaryTagId());
      }
      if (!category) {
        withoutTheirCategory.add(slugs.get(doc.id()));
      }
      System.out.println(line);
    }
    System.out.printf("demo blog: %d of %d related posts share a public tag%n", sharing, shown);
    assertThat(shown).isEqualTo(3 * docs.size());
    assertThat((double) sharing / shown).isGreaterThanOrEqualTo(0.85);
    System.out.println(
        "without another post of their category in the top 3: " + withoutTheirCategory);
    assertThat(withoutTheirCategory)
        .as("every demo category has three posts or more: nearly every post lists another of it")
        .hasSizeLessThanOrEqualTo(1);
  }
}
