package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reader pages' {@code <head>} as a crawler or a link preview (which runs no script) reads it:
 * filled on the server with the post's title, description, canonical link, Open Graph and Twitter
 * tags and a JSON-LD BlogPosting; an unknown post, tag or author answers 404.
 */
class ReaderPageHeadsIT extends StaffIT {

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<String> page(String path, String etag) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "text/html");
    if (etag != null) {
      req.header("If-None-Match", etag);
    }
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String meta(String html, String key) {
    Matcher m =
        Pattern.compile(
                "<meta (?:property|name)=\"" + Pattern.quote(key) + "\" content=\"([^\"]*)\">")
            .matcher(html);
    return m.find() ? m.group(1) : null;
  }

  static List<String> metas(String html, String key) {
    Matcher m =
        Pattern.compile(
                "<meta (?:property|name)=\"" + Pattern.quote(key) + "\" content=\"([^\"]*)\">")
            .matcher(html);
    List<String> all = new ArrayList<>();
    while (m.find()) {
      all.add(m.group(1));
    }
    return all;
  }

  static String title(String html) {
    Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(html);
    return m.find() ? m.group(1) : null;
  }

  static JsonObject jsonLd(String html) {
    Matcher m =
        Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("a JSON-LD script").isTrue();
    try (JsonReader r = Json.createReader(new StringReader(m.group(1)))) {
      return r.readObject();
    }
  }

  @Test
  void aPostPageCarriesItsTitleDescriptionCanonicalSocialTagsAndJsonLd() throws Exception {
    HttpResponse<String> res = page("/p/twenty-minutes-to-mars", null);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String html = res.body();
    assertThat(title(html)).isEqualTo("Twenty Minutes to Mars");
    assertThat(meta(html, "description"))
        .isNotBlank()
        .isNotEqualTo(meta(page("/", null).body(), "description"));
    assertThat(html)
        .containsPattern("<link rel=\"canonical\" href=\"http[^\"]*/p/twenty-minutes-to-mars\">");
    assertThat(meta(html, "og:type")).isEqualTo("article");
    assertThat(meta(html, "og:title")).isEqualTo("Twenty Minutes to Mars");
    assertThat(meta(html, "og:url")).endsWith("/p/twenty-minutes-to-mars");
    assertThat(meta(html, "article:published_time")).startsWith("2026-06-14T21:40");
    assertThat(metas(html, "article:tag")).isNotEmpty();
    assertThat(meta(html, "twitter:card")).isEqualTo("summary");
    assertThat(meta(html, "twitter:title")).isEqualTo("Twenty Minutes to Mars");
    JsonObject ld = jsonLd(html);
    assertThat(ld.getString("@type")).isEqualTo("BlogPosting");
    assertThat(ld.getString("headline")).isEqualTo("Twenty Minutes to Mars");
    assertThat(ld.getString("datePublished")).startsWith("2026-06-14T21:40");
    assertThat(ld.getJsonArray("author").getValuesAs(JsonObject.class))
        .extracting(a -> a.getString("name"))
        .hasSize(2);
    assertThat(html)
        .as("the browser app still loads")
        .contains("<script type=\"module\" src=\"/app/main.js\">");

    String etag = res.headers().firstValue("ETag").orElseThrow();
    assertThat(page("/p/twenty-minutes-to-mars", etag).statusCode()).isEqualTo(304);
  }

  @Test
  void whatAnAuthorSetsIsWhatThePageSaysEscaped() throws Exception {
    String title = "Rockets <script>alert(1)</script> & \"quotes\" " + System.nanoTime();
    JsonObject created =
        staff.data(
            admin,
            "mutation($i: PostInput!) { createDraft(input: $i) { id slug } }",
            "i",
            Json.createObjectBuilder()
                .add("title", title)
                .add("markdown", "A body about orbits.")
                .add(
                    "seo",
                    Json.createObjectBuilder()
                        .add("metaDescription", "Orbits </script><b>bold</b> explained")
                        .add("canonicalUrl", "https://example.com/rockets?a=1&b=2")
                        .add("ogImage", "https://images.example.com/og.png"))
                .build());
    String id = created.getJsonObject("createDraft").getString("id");
    String slug = created.getJsonObject("createDraft").getString("slug");
    assertThat(page("/p/" + slug, null).statusCode()).as("a draft is not a page").isEqualTo(404);
    staff.data(admin, "mutation($id: ID!) { publishPost(id: $id) { id } }", "id", id);

    String html = page("/p/" + slug, null).body();
    assertThat(title(html))
        .isEqualTo(title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
    assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<b>bold</b>");
    assertThat(meta(html, "description"))
        .isEqualTo("Orbits &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; explained");
    assertThat(html)
        .contains("<link rel=\"canonical\" href=\"https://example.com/rockets?a=1&amp;b=2\">");
    assertThat(meta(html, "og:image")).isEqualTo("https://images.example.com/og.png");
    assertThat(meta(html, "twitter:card")).isEqualTo("summary_large_image");
    JsonObject ld = jsonLd(html);
    assertThat(ld.getString("headline")).isEqualTo(title);
    assertThat(ld.getString("description")).isEqualTo("Orbits </script><b>bold</b> explained");
  }

  @Test
  void tagAndAuthorPagesHaveTheirHeadsAndUnknownAddressesAnswer404() throws Exception {
    HttpResponse<String> tag = page("/tag/space", null);
    assertThat(tag.statusCode()).isEqualTo(200);
    assertThat(title(tag.body())).startsWith("Space");
    assertThat(tag.body())
        .containsPattern("<link rel=\"canonical\" href=\"http[^\"]*/tag/space\">");
    assertThat(jsonLd(tag.body()).getString("@type")).isEqualTo("CollectionPage");

    HttpResponse<String> author = page("/author/astro", null);
    assertThat(author.statusCode()).isEqualTo(200);
    assertThat(title(author.body())).startsWith("astro");
    assertThat(meta(author.body(), "og:type")).isEqualTo("profile");
    assertThat(jsonLd(author.body()).getString("@type")).isEqualTo("ProfilePage");

    for (String path :
        List.of(
            "/p/no-such-post",
            "/tag/no-such-tag",
            "/author/no-such-author",
            "/p/" + "x".repeat(300))) {
      HttpResponse<String> res = page(path, null);
      assertThat(res.statusCode()).as(path).isEqualTo(404);
      assertThat(res.body()).as(path).contains("<meta name=\"robots\" content=\"noindex\">");
      assertThat(res.body()).as("the friendly 404 is still the app's").contains("/app/main.js");
    }
  }
}
