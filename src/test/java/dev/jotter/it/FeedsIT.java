package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** RSS, Atom, JSON Feed and the sitemap, read by real parsers, and conditional requests. */
class FeedsIT extends HttpIT {

  static final String PUBLIC_URL = "http://localhost:9080";

  @Test
  void theRssFeedHasTheNewestPostsWithFullContentAndAbsoluteLinks() throws Exception {
    HttpResponse<String> res = client.get("/rss.xml");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/rss+xml");
    Document rss = xml(res.body());
    assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
    List<Element> items = elements(rss.getElementsByTagName("item"));
    assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(20);
    for (Element item : items) {
      assertThat(text(item, "link")).startsWith(PUBLIC_URL + "/p/").doesNotContain("/p/draft-");
      assertThat(text(item, "description")).doesNotContain("<script");
      assertThat(text(item, "pubDate")).isNotBlank();
    }
    assertThat(elements(rss.getElementsByTagName("category")))
        .noneMatch(c -> c.getTextContent().startsWith("#"));

    // the full body, on posts of the demo blog's that no other test class writes to (Nova's)
    Document nova = xml(client.get("/author/nova/rss.xml").body());
    List<Element> novaItems = elements(nova.getElementsByTagName("item"));
    assertThat(novaItems).isNotEmpty();
    for (Element item : novaItems) {
      assertThat(text(item, "description")).contains("<p>").contains("<h2");
    }
  }

  @Test
  void theAtomFeedIsValidAtom() throws Exception {
    HttpResponse<String> res = client.get("/atom.xml");
    assertThat(res.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/atom+xml");
    Document atom = xml(res.body());
    assertThat(atom.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/2005/Atom");
    assertThat(atom.getDocumentElement().getLocalName()).isEqualTo("feed");
    for (Element entry : elements(atom.getElementsByTagNameNS("*", "entry"))) {
      assertThat(text(entry, "id")).startsWith(PUBLIC_URL);
      assertThat(text(entry, "updated")).isNotBlank();
      assertThat(text(entry, "title")).isNotBlank();
    }
  }

  @Test
  void theJsonFeedHasTheSpecsRequiredFields() {
    HttpResponse<String> res = client.get("/feed.json");
    assertThat(res.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/feed+json");
    JsonObject feed = GraphQLClient.json(res.body());
    assertThat(feed.getString("version")).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.getString("title")).isNotBlank();
    for (JsonObject item : feed.getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertThat(item.getString("id")).isNotBlank();
      assertThat(item.containsKey("content_html") || item.containsKey("content_text")).isTrue();
      assertThat(item.getString("url")).startsWith(PUBLIC_URL + "/p/");
    }
  }

  @Test
  void tagAndAuthorFeedsHoldOnlyTheirPosts() throws Exception {
    Document space = xml(client.get("/tag/space/rss.xml").body());
    for (Element item : elements(space.getElementsByTagName("item"))) {
      assertThat(elements(item.getElementsByTagName("category")))
          .anyMatch(c -> c.getTextContent().equals("Space"));
    }
    JsonObject nova = GraphQLClient.json(client.get("/author/nova/feed.json").body());
    assertThat(nova.getJsonArray("items")).hasSize(1);
    assertThat(client.get("/tag/no-such-tag/rss.xml").statusCode()).isEqualTo(404);
    assertThat(client.get("/tag/hash-demo/atom.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void conditionalRequestsGet304() {
    HttpResponse<String> first = client.get("/atom.xml");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

    HttpResponse<String> byEtag =
        client.send(
            HttpRequest.newBuilder(client.base().resolve("/atom.xml"))
                .header("If-None-Match", etag)
                .GET()
                .build());
    assertThat(byEtag.statusCode()).isEqualTo(304);
    assertThat(byEtag.body()).isEmpty();

    HttpResponse<String> byDate =
        client.send(
            HttpRequest.newBuilder(client.base().resolve("/atom.xml"))
                .header("If-Modified-Since", lastModified)
                .GET()
                .build());
    assertThat(byDate.statusCode()).isEqualTo(304);

    HttpResponse<String> stale =
        client.send(
            HttpRequest.newBuilder(client.base().resolve("/atom.xml"))
                .header("If-None-Match", "\"old\"")
                .GET()
                .build());
    assertThat(stale.statusCode()).isEqualTo(200);
  }

  /**
   * The sitemap is an index of sitemaps (the test server puts 5 posts in each, the protocol's limit
   * is 50,000): together they list every published post once, the home page, tags and authors.
   */
  @Test
  void theSitemapIndexListsEveryPublishedPostOnce() throws Exception {
    Document index = xml(client.get("/sitemap.xml").body());
    assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
    List<String> files = new ArrayList<>();
    elements(index.getElementsByTagNameNS("*", "loc")).forEach(l -> files.add(l.getTextContent()));
    assertThat(files.get(0)).isEqualTo(PUBLIC_URL + "/sitemaps/pages.xml");
    List<String> locs = new ArrayList<>();
    for (String file : files) {
      HttpResponse<String> res = client.get(file.substring(PUBLIC_URL.length()));
      assertThat(res.statusCode()).as(file).isEqualTo(200);
      assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
      Document sitemap = xml(res.body());
      assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
      List<Element> urls = elements(sitemap.getElementsByTagNameNS("*", "loc"));
      if (file.contains("/posts-")) {
        assertThat(urls).as(file).hasSizeBetween(1, 5);
      }
      urls.forEach(l -> locs.add(l.getTextContent()));
    }
    int published =
        client.data("{ posts { totalCount } }").getJsonObject("posts").getInt("totalCount");
    assertThat(files).hasSize(1 + (published + 4) / 5);
    assertThat(locs.stream().filter(l -> l.startsWith(PUBLIC_URL + "/p/")))
        .hasSize(published)
        .doesNotHaveDuplicates();
    assertThat(locs)
        .contains(PUBLIC_URL + "/", PUBLIC_URL + "/tag/space", PUBLIC_URL + "/author/astro");
    assertThat(client.get("/sitemaps/posts-" + (files.size() + 1) + ".xml").statusCode())
        .isEqualTo(404);
    assertThat(client.get("/sitemaps/posts-0.xml").statusCode()).isEqualTo(404);
  }

  private static Document xml(String body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static String text(Element parent, String localName) {
    NodeList nodes = parent.getElementsByTagNameNS("*", localName);
    if (nodes.getLength() == 0) {
      nodes = parent.getElementsByTagName(localName);
    }
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }
}
