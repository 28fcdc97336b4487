package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo blog a newcomer sees on first start, read through the public API (its posts by slug, so
 * that what other test classes wrote does not matter).
 */
class DemoBlogIT extends HttpIT {

  @Test
  void astroHasAtLeastTenShortPostsWithSectionHeadings() throws Exception {
    JsonObject astro =
        client.data("{ author(slug: \"astro\") { name bio avatarUrl } }").getJsonObject("author");
    assertThat(astro.getString("name")).isEqualTo("astro");
    assertThat(astro.getString("bio"))
        .startsWith("Thinking about AI, robots, space, and the future.");
    assertThat(astro.getString("avatarUrl")).isNotBlank();

    List<String> slugs = DemoBlog.postSlugsBy("astro");
    assertThat(slugs).hasSizeGreaterThanOrEqualTo(10);
    List<JsonObject> posts = new ArrayList<>();
    for (String slug : slugs) {
      JsonObject post =
          client
              .data(
                  """
                  query($s: String!) { post(slug: $s) { slug title authors { slug }
                    readingTime { words label } headings { level } primaryTag { name }
                    tags { slug } } }""",
                  StaffFixture.vars("s", slug))
              .getJsonObject("post");
      assertThat(post).as(slug + " is published").isNotNull();
      assertThat(ReaderApiIT.slugs(post, "authors")).as(slug).contains("astro");
      posts.add(post);
    }
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
