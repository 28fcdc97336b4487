package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blog's settings as a frontend reads them and an administrator changes them, over HTTP: the
 * feeds and the reader pages' heads follow at once; an author's change or a bad value is refused
 * with a clear error and changes nothing.
 */
class BlogSettingsIT extends StaffIT {

  static final String BLOG =
      "{ blog { title description url locale logo icon coverImage accentColor"
          + " navigation { label url } secondaryNavigation { label url } updatedAt } }";

  static final String UPDATE =
      "mutation($i: BlogSettingsInput!) { updateBlogSettings(input: $i) { title description"
          + " locale logo navigation { label url } secondaryNavigation { label url } } }";

  JsonObject update(String token, JsonObject input) {
    return staff.call(token, UPDATE, "i", input);
  }

  JsonObject blog() {
    return client.data(BLOG).getJsonObject("blog");
  }

  static JsonArray menu(String... labelsAndUrls) {
    var items = Json.createArrayBuilder();
    for (int i = 0; i < labelsAndUrls.length; i += 2) {
      items.add(vars("label", labelsAndUrls[i], "url", labelsAndUrls[i + 1]));
    }
    return items.build();
  }

  /** The other tests see the blog as the server's configuration names it. */
  @AfterEach
  void putTheDefaultsBack() {
    JsonObject res =
        update(
            admin,
            Json.createObjectBuilder()
                .add("title", "Jotter")
                .add("description", "Thinking about AI, robots, space, and the future.")
                .add("locale", "en")
                .add("logo", "")
                .add("icon", "")
                .add("coverImage", "")
                .add("accentColor", "")
                .add("navigation", Json.createArrayBuilder())
                .add("secondaryNavigation", Json.createArrayBuilder())
                .build());
    assertThat(code(res)).as(res.toString()).isNull();
  }

  @Test
  void anAdministratorsChangeReachesTheApiTheFeedsAndThePageHeads() {
    JsonObject before = blog(); // read (and kept) before the change: the change must replace it
    assertThat(before.getString("title")).isNotBlank();
    assertThat(before.getString("url")).startsWith("http");

    String title = "Far Out " + System.nanoTime();
    JsonObject res =
        update(
            admin,
            Json.createObjectBuilder()
                .add("title", title)
                .add("description", "Notes from the edge of the solar system.")
                .add("locale", "pt-br")
                .add("logo", "/media/logo.png")
                .add("icon", "https://cdn.example/icon.png")
                .add("accentColor", "#FCA311")
                .add(
                    "navigation",
                    menu(
                        "Home",
                        "/",
                        "About",
                        "/p/about",
                        "Mastodon",
                        "https://mastodon.example/@astro"))
                .add("secondaryNavigation", menu("RSS", "/rss.xml"))
                .build());
    assertThat(code(res)).as(res.toString()).isNull();
    JsonObject saved = res.getJsonObject("data").getJsonObject("updateBlogSettings");
    assertThat(saved.getString("title")).isEqualTo(title);
    assertThat(saved.getString("locale")).isEqualTo("pt-BR");

    JsonObject blog = blog();
    assertThat(blog.getString("title")).isEqualTo(title);
    assertThat(blog.getString("description")).isEqualTo("Notes from the edge of the solar system.");
    assertThat(blog.getString("locale")).isEqualTo("pt-BR");
    assertThat(blog.getString("logo")).isEqualTo("/media/logo.png");
    assertThat(blog.getString("accentColor")).isEqualTo("#fca311");
    assertThat(blog.getString("updatedAt")).isNotBlank();
    assertThat(blog.getJsonArray("navigation").getValuesAs(JsonObject.class))
        .extracting(i -> i.getString("label"))
        .containsExactly("Home", "About", "Mastodon");
    assertThat(blog.getJsonArray("secondaryNavigation").getJsonObject(0).getString("url"))
        .isEqualTo("/rss.xml");

    // a change of one field leaves the others as they are
    JsonObject one = update(admin, vars("description", ""));
    assertThat(code(one)).as(one.toString()).isNull();
    assertThat(blog().isNull("description")).isTrue();
    assertThat(blog().getString("title")).isEqualTo(title);
    assertThat(blog().getJsonArray("navigation")).hasSize(3);

    HttpResponse<String> rss = client.get("/rss.xml");
    assertThat(rss.statusCode()).isEqualTo(200);
    assertThat(rss.body())
        .contains("<title>" + title + "</title>")
        .contains("<language>pt-BR</language>")
        .contains("<url>https://cdn.example/icon.png</url>");
    JsonObject feed = GraphQLClient.json(client.get("/feed.json").body());
    assertThat(feed.getString("title")).isEqualTo(title);
    assertThat(feed.getString("language")).isEqualTo("pt-BR");
    assertThat(client.get("/atom.xml").body()).contains("xml:lang=\"pt-BR\"").contains(title);

    HttpResponse<String> home = client.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body())
        .contains("<html lang=\"pt-BR\">")
        .contains("<title>" + title + "</title>")
        .contains("<meta property=\"og:site_name\" content=\"" + title + "\">")
        .contains("<meta property=\"og:locale\" content=\"pt_BR\">")
        .contains("\"@type\":\"WebSite\"")
        .contains("title=\"" + title + " (RSS)\" href=\"/rss.xml\"");
    // the page is answered by the reader pages filter: the security headers come first all the same
    assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    String slug = client.newestPostSlug();
    HttpResponse<String> post = client.get("/p/" + slug);
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(post.body())
        .contains("<meta property=\"og:site_name\" content=\"" + title + "\">")
        .contains("\"publisher\":{\"@type\":\"Organization\",\"name\":\"" + title + "\"");
  }

  @Test
  void onlyAdministratorsChangeTheSettings() {
    String title = blog().getString("title");
    for (String role : new String[] {"EDITOR", "AUTHOR"}) {
      JsonObject res = update(staff.as(role), vars("title", "Taken over"));
      assertThat(code(res)).as(role).isEqualTo("FORBIDDEN");
      assertThat(res.getJsonArray("errors").getJsonObject(0).getString("message"))
          .contains("change the blog's settings");
    }
    assertThat(code(update(null, vars("title", "Taken over")))).isEqualTo("UNAUTHENTICATED");
    assertThat(blog().getString("title")).isEqualTo(title);
  }

  @Test
  void aBadValueIsRefusedAndNothingOfTheChangeIsSaved() {
    JsonObject before = blog();
    JsonObject[] bad = {
      vars("title", "A fine new title", "locale", "english please"),
      vars("title", " "),
      vars("title", "x".repeat(151)),
      vars("accentColor", "orange"),
      vars("logo", "javascript:alert(1)"),
      Json.createObjectBuilder()
          .add("title", "A fine new title")
          .add("navigation", menu("Home", "/", "Evil", "javascript:alert(1)"))
          .build(),
      Json.createObjectBuilder().add("navigation", menu("", "/")).build(),
    };
    for (JsonObject input : bad) {
      JsonObject res = update(admin, input);
      assertThat(code(res)).as(input.toString()).isEqualTo("BAD_USER_INPUT");
      String message = res.getJsonArray("errors").getJsonObject(0).getString("message");
      assertThat(message).as(input.toString()).doesNotContain("Exception").isNotBlank();
      assertThat(res.get("data").toString()).as(input.toString()).isEqualTo("null");
    }
    JsonObject res = update(admin, bad[0]);
    assertThat(res.getJsonArray("errors").getJsonObject(0).getString("message"))
        .startsWith("locale:");
    assertThat(blog()).isEqualTo(before);
  }
}
