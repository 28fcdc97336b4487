package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo blog a newcomer sees on first start, read through the public API. */
class DemoBlogIT extends HttpIT {

  @Test
  void astroHasAtLeastTenShortPostsWithSectionHeadings() throws Exception {
    JsonObject astro =
        client
            .data(
                """
        { author(slug: "astro") { name bio avatarUrl
            posts(first: 100) { nodes { slug title
              readingTime { words label } headings { level } primaryTag { name } tags { slug } } } } }
        """)
            .getJsonObject("author");

    assertThat(astro.getString("name")).isEqualTo("astro");
    assertThat(astro.getString("bio"))
        .startsWith("Thinking about AI, robots, space, and the future.");
    assertThat(astro.getString("avatarUrl")).isNotBlank();
    List<JsonObject> posts =
        astro.getJsonObject("posts").getJsonArray("nodes").getValuesAs(JsonObject.class);
    assertThat(posts).hasSizeGreaterThanOrEqualTo(10);
    Map<String, Integer> postsPerTag = new HashMap<>();
    for (JsonObject post : posts) {
      assertThat(post.getJsonObject("readingTime").getInt("words"))
          .as(post.getString("slug"))
          .isBetween(300, 900);
      assertThat(post.getJsonArray("headings")).as(post.getString("slug")).isNotEmpty();
      assertThat(post.getJsonObject("primaryTag")).as(post.getString("slug")).isNotNull();
      post.getJsonArray("tags")
          .getValuesAs(JsonObject.class)
          .forEach(t -> postsPerTag.merge(t.getString("slug"), 1, Integer::sum));
    }
    assertThat(postsPerTag).containsKeys("ai", "robots", "space", "future");
    assertThat(postsPerTag.values().stream().filter(n -> n >= 3).count())
        .as("several tags shared by several posts")
        .isGreaterThanOrEqualTo(4);
  }
}
