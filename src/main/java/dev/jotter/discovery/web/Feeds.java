package dev.jotter.discovery.web;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.PostLink;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.OutputStream;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a list of posts as RSS 2.0, Atom 1.0 or JSON Feed 1.1, with absolute URLs from the public
 * base URL and each post's full (sanitized) HTML.
 */
final class Feeds {

  /**
   * What a feed is about: the whole blog, one tag or one author.
   *
   * @param language the blog's language tag
   * @param image the blog's icon (else its logo) as an absolute URL, or null
   */
  record Channel(
      String title,
      String description,
      String pageUrl,
      String feedUrl,
      String language,
      String image) {}

  private static final Pattern RELATIVE = Pattern.compile("(href|src)=\"/(?!/)");

  private final String base;

  Feeds(String publicUrl) {
    this.base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  String base() {
    return base;
  }

  String postUrl(PostView post) {
    return base + "/p/" + post.slug();
  }

  String rss(Channel channel, List<PostView> posts) throws XMLStreamException {
    StringWriter out = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("rss");
    xml.writeAttribute("version", "2.0");
    xml.writeNamespace("atom", "http://www.w3.org/2005/Atom");
    xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
    xml.writeStartElement("channel");
    element(xml, "title", channel.title());
    element(xml, "link", channel.pageUrl());
    element(xml, "description", channel.description());
    element(xml, "language", channel.language());
    if (channel.image() != null) {
      xml.writeStartElement("image");
      element(xml, "url", channel.image());
      element(xml, "title", channel.title());
      element(xml, "link", channel.pageUrl());
      xml.writeEndElement();
    }
    xml.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
    xml.writeAttribute("href", legal(channel.feedUrl()));
    xml.writeAttribute("rel", "self");
    xml.writeAttribute("type", "application/rss+xml");
    if (!posts.isEmpty()) {
      element(xml, "lastBuildDate", rfc822(lastModified(posts)));
    }
    for (PostView post : posts) {
      xml.writeStartElement("item");
      element(xml, "title", post.title());
      element(xml, "link", postUrl(post));
      xml.writeStartElement("guid");
      xml.writeAttribute("isPermaLink", "true");
      xml.writeCharacters(legal(postUrl(post)));
      xml.writeEndElement();
      element(xml, "pubDate", rfc822(post.publishedAt()));
      xml.writeStartElement("dc", "creator", "http://purl.org/dc/elements/1.1/");
      xml.writeCharacters(legal(post.primaryAuthor().name()));
      xml.writeEndElement();
      for (TagView tag : post.tags()) {
        element(xml, "category", tag.name());
      }
      element(xml, "description", absolute(post.html()));
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return out.toString();
  }

  String atom(Channel channel, List<PostView> posts) throws XMLStreamException {
    StringWriter out = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("feed");
    xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
    xml.writeAttribute(
        "xml", "http://www.w3.org/XML/1998/namespace", "lang", legal(channel.language()));
    element(xml, "id", channel.feedUrl());
    element(xml, "title", channel.title());
    element(xml, "subtitle", channel.description());
    if (channel.image() != null) {
      element(xml, "icon", channel.image());
    }
    element(xml, "updated", iso(posts.isEmpty() ? OffsetDateTime.now() : lastModified(posts)));
    link(xml, "alternate", channel.pageUrl(), "text/html");
    link(xml, "self", channel.feedUrl(), "application/atom+xml");
    for (PostView post : posts) {
      xml.writeStartElement("entry");
      element(xml, "id", postUrl(post));
      element(xml, "title", post.title());
      link(xml, "alternate", postUrl(post), "text/html");
      element(xml, "published", iso(post.publishedAt()));
      element(xml, "updated", iso(post.updatedAt()));
      for (AuthorView author : post.authors()) {
        xml.writeStartElement("author");
        element(xml, "name", author.name());
        element(xml, "uri", base + "/author/" + author.slug());
        xml.writeEndElement();
      }
      for (TagView tag : post.tags()) {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", legal(tag.slug()));
        xml.writeAttribute("label", legal(tag.name()));
      }
      element(xml, "summary", post.excerpt());
      xml.writeStartElement("content");
      xml.writeAttribute("type", "html");
      xml.writeCharacters(legal(absolute(post.html())));
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return out.toString();
  }

  String jsonFeed(Channel channel, List<PostView> posts) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (PostView post : posts) {
      JsonArrayBuilder authors = JSON.createArrayBuilder();
      post.authors()
          .forEach(
              a ->
                  authors.add(
                      JSON.createObjectBuilder()
                          .add("name", a.name())
                          .add("url", base + "/author/" + a.slug())));
      JsonArrayBuilder tags = JSON.createArrayBuilder();
      post.tags().forEach(t -> tags.add(t.name()));
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("id", postUrl(post))
              .add("url", postUrl(post))
              .add("title", post.title())
              .add("content_html", absolute(post.html()))
              .add("summary", post.excerpt())
              .add("date_published", iso(post.publishedAt()))
              .add("date_modified", iso(post.updatedAt()))
              .add("authors", authors)
              .add("tags", tags);
      items.add(item);
    }
    JsonObjectBuilder feed =
        JSON.createObjectBuilder()
            .add("version", "https://jsonfeed.org/version/1.1")
            .add("title", channel.title())
            .add("home_page_url", channel.pageUrl())
            .add("feed_url", channel.feedUrl())
            .add("language", channel.language());
    if (channel.description() != null) {
      feed.add("description", channel.description());
    }
    if (channel.image() != null) {
      feed.add("icon", channel.image()).add("favicon", channel.image());
    }
    return feed.add("items", items).build().toString();
  }

  private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  /**
   * The sitemap index: the pages' sitemap, then one sitemap for each {@code postsPerFile} published
   * posts ({@code /sitemaps/posts-1.xml} …), each with the blog's last change.
   */
  void sitemapIndex(OutputStream out, long posts, int postsPerFile, OffsetDateTime lastModified)
      throws XMLStreamException {
    XMLStreamWriter xml = start(out, "sitemapindex");
    sitemap(xml, base + "/sitemaps/pages.xml", lastModified);
    for (long file = 1; file <= files(posts, postsPerFile); file++) {
      sitemap(xml, base + "/sitemaps/posts-" + file + ".xml", lastModified);
    }
    end(xml);
  }

  /** How many posts sitemaps {@code posts} published posts need. */
  static long files(long posts, int postsPerFile) {
    return (posts + postsPerFile - 1) / postsPerFile;
  }

  /** The pages' sitemap: the home page, every public tag and every author who has written. */
  void pagesSitemap(
      OutputStream out, OffsetDateTime lastModified, List<TagView> tags, List<AuthorView> authors)
      throws XMLStreamException {
    XMLStreamWriter xml = start(out, "urlset");
    url(xml, base + "/", lastModified);
    for (TagView tag : tags) {
      url(xml, base + "/tag/" + tag.slug(), null);
    }
    for (AuthorView author : authors) {
      url(xml, base + "/author/" + author.slug(), null);
    }
    end(xml);
  }

  /** One posts sitemap, written as it goes. */
  void postsSitemap(OutputStream out, List<PostLink> posts) throws XMLStreamException {
    XMLStreamWriter xml = start(out, "urlset");
    for (PostLink post : posts) {
      url(xml, base + "/p/" + post.slug(), post.lastModified());
    }
    end(xml);
  }

  private static XMLStreamWriter start(OutputStream out, String root) throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement(root);
    xml.writeDefaultNamespace(SITEMAP_NS);
    return xml;
  }

  private static void end(XMLStreamWriter xml) throws XMLStreamException {
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
    xml.close();
  }

  private static void url(XMLStreamWriter xml, String loc, OffsetDateTime modified)
      throws XMLStreamException {
    entry(xml, "url", loc, modified);
  }

  private static void sitemap(XMLStreamWriter xml, String loc, OffsetDateTime modified)
      throws XMLStreamException {
    entry(xml, "sitemap", loc, modified);
  }

  /** A {@code <url>} or {@code <sitemap>}: its address and, when known, its last change. */
  private static void entry(XMLStreamWriter xml, String name, String loc, OffsetDateTime modified)
      throws XMLStreamException {
    xml.writeStartElement(name);
    element(xml, "loc", loc);
    if (modified != null) {
      element(xml, "lastmod", iso(modified));
    }
    xml.writeEndElement();
  }

  static OffsetDateTime lastModified(List<PostView> posts) {
    return posts.stream()
        .map(p -> p.updatedAt().isAfter(p.publishedAt()) ? p.updatedAt() : p.publishedAt())
        .max(OffsetDateTime::compareTo)
        .orElseThrow();
  }

  /** Site-relative links and images made absolute: feed readers have no page to resolve them. */
  /** A URL made absolute against the public base when it is a path on the site; null stays null. */
  String absoluteUrl(String url) {
    return url != null && url.startsWith("/") ? base + url : url;
  }

  String absolute(String html) {
    return RELATIVE.matcher(html).replaceAll("$1=\"" + Matcher.quoteReplacement(base) + "/");
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", legal(rel));
    xml.writeAttribute("href", legal(href));
    xml.writeAttribute("type", legal(type));
  }

  /**
   * The text without the characters XML 1.0 forbids (controls other than tab and line breaks, lone
   * surrogates, U+FFFE and U+FFFF): one such character in a bio would otherwise make the feed
   * unreadable for every subscriber.
   */
  static String legal(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int length = Character.charCount(c);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (allowed && out != null) {
        out.appendCodePoint(c);
      }
      i += length;
    }
    return out == null ? text : out.toString();
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(legal(text == null ? "" : text));
    xml.writeEndElement();
  }

  static String iso(OffsetDateTime at) {
    return at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static String rfc822(OffsetDateTime at) {
    return at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
  }
}
