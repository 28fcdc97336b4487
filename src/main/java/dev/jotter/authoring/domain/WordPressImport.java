package dev.jotter.authoring.domain;

import dev.jotter.authoring.domain.ImportItem.Named;
import dev.jotter.authoring.domain.ImportRefusedException.Reason;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * WordPress's export, WXR (RSS 2.0 with the {@code wp:} namespace), read with StAX in two passes
 * (authors and attachments, then posts one at a time). No DTD is read and no entity is expanded: a
 * file with a DOCTYPE (the "billion laughs" and external entities need one) is refused before its
 * first item. Posts keep their categories (the first becomes the primary tag) then tags, their
 * authors, slug, excerpt, status and the date in the site's time zone ({@code wp:post_date} with
 * the offset it has from {@code wp:post_date_gmt}); content and block markup become Markdown.
 * Pages, attachments, menu items and the like are reported as skipped; private and
 * password-protected posts come in as drafts, so nothing becomes public that was not.
 */
public final class WordPressImport implements ImportReader {

  private static final String NO_DATE = "0000-00-00 00:00:00";

  private final Map<String, Named> authors = new HashMap<>();
  private final Map<String, FeatureImage> attachments = new HashMap<>();

  @Override
  public void read(Path file, ImportLimits limits, Consumer<ImportItem> sink)
      throws ImportRefusedException, IOException {
    limits.checkSize(file);
    authors.clear();
    attachments.clear();
    int[] items = {0};
    pass(
        file,
        item -> {
          items[0]++;
          if ("attachment".equals(item.field("wp:post_type"))) {
            String url = item.field("wp:attachment_url");
            if (url != null) {
              attachments.put(
                  item.field("wp:post_id"),
                  new FeatureImage(url.strip(), item.meta("_wp_attachment_image_alt")));
            }
          }
        },
        true);
    if (items[0] == 0 && authors.isEmpty()) {
      throw new ImportRefusedException(
          Reason.MALFORMED,
          "This is not a WordPress export: it has no items (export it from WordPress's Tools →"
              + " Export).");
    }
    pass(file, item -> sink.accept(item(item)), false);
  }

  /** One {@code <item>}: its simple fields (first of each), categories and post meta. */
  static final class Item {
    final Map<String, String> fields = new HashMap<>();
    final List<String[]> categories = new ArrayList<>();
    final Map<String, String> meta = new HashMap<>();

    String field(String name) {
      String v = fields.get(name);
      return v == null || v.isBlank() ? null : v;
    }

    String meta(String key) {
      String v = meta.get(key);
      return v == null || v.isBlank() ? null : v;
    }
  }

  private void pass(Path file, Consumer<Item> sink, boolean readAuthors)
      throws ImportRefusedException, IOException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        boolean sawRss = false;
        while (xml.hasNext()) {
          int event = xml.next();
          if (event == XMLStreamConstants.DTD) {
            throw new ImportRefusedException(
                Reason.UNSAFE,
                "The file declares a DOCTYPE: XML entities are refused (a WordPress export has"
                    + " none).");
          }
          if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new ImportRefusedException(
                Reason.UNSAFE,
                "The file refers to the XML entity &" + xml.getLocalName() + "; refused.");
          }
          if (event != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String name = key(xml);
          if (!sawRss) {
            if (!name.equals("rss")) {
              throw new ImportRefusedException(
                  Reason.MALFORMED,
                  "This is not a WordPress export: it starts with <" + name + ">, not <rss>.");
            }
            sawRss = true;
          } else if (name.equals("item")) {
            sink.accept(readItem(xml));
          } else if (name.equals("wp:author") && readAuthors) {
            Map<String, String> author = readFields(xml);
            String login = author.get("wp:author_login");
            if (login != null) {
              String display = author.get("wp:author_display_name");
              authors.put(
                  login.strip(),
                  new Named(
                      display == null || display.isBlank() ? login.strip() : display.strip(),
                      slug(login)));
            }
          }
        }
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("was referenced") || message.contains("DOCTYPE")) {
        throw new ImportRefusedException(
            Reason.UNSAFE, "The file uses XML entities, which are refused: " + firstLine(message));
      }
      throw new ImportRefusedException(
          Reason.MALFORMED,
          "The file is not well-formed XML"
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")")
              + ": "
              + firstLine(message));
    }
  }

  private static Item readItem(XMLStreamReader xml)
      throws XMLStreamException, ImportRefusedException {
    Item item = new Item();
    int depth = 1;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return item;
      }
      if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new ImportRefusedException(
            Reason.UNSAFE, "The file refers to an XML entity; refused.");
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = key(xml);
      switch (name) {
        case "category" -> {
          String domain = xml.getAttributeValue(null, "domain");
          String nicename = xml.getAttributeValue(null, "nicename");
          String text = xml.getElementText();
          item.categories.add(new String[] {domain, nicename, text});
        }
        case "wp:postmeta" -> {
          Map<String, String> meta = readFields(xml);
          if (meta.get("wp:meta_key") != null) {
            item.meta.put(meta.get("wp:meta_key"), meta.get("wp:meta_value"));
          }
        }
        case "wp:comment" -> skipElement(xml);
        default -> {
          String text = textOrSkip(xml);
          item.fields.putIfAbsent(name, text);
        }
      }
    }
    return item;
  }

  /** The text children of an element, by name (its own nested elements' text). */
  private static Map<String, String> readFields(XMLStreamReader xml) throws XMLStreamException {
    Map<String, String> fields = new HashMap<>();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return fields;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = key(xml);
        fields.putIfAbsent(name, textOrSkip(xml));
      }
    }
    return fields;
  }

  private static String textOrSkip(XMLStreamReader xml) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0 && xml.hasNext()) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (depth == 1) {
            text.append(xml.getText());
          }
        }
        default -> {}
      }
    }
    return text.toString();
  }

  private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
    textOrSkip(xml);
  }

  /** An element's name with WXR's usual prefix for its namespace. */
  private static String key(XMLStreamReader xml) {
    String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
    String local = xml.getLocalName();
    if (ns.contains("wordpress.org/export") && ns.contains("excerpt")) {
      return "excerpt:" + local;
    }
    if (ns.contains("wordpress.org/export")) {
      return "wp:" + local;
    }
    if (ns.contains("purl.org/rss/1.0/modules/content")) {
      return "content:" + local;
    }
    if (ns.contains("purl.org/dc/")) {
      return "dc:" + local;
    }
    return local;
  }

  private ImportItem item(Item item) {
    String id = item.field("wp:post_id");
    String title = item.field("title") == null ? null : item.field("title").strip();
    String slug = slug(item.field("wp:post_name"));
    String type = item.field("wp:post_type") == null ? "post" : item.field("wp:post_type");
    if (!type.equals("post")) {
      return ImportItem.skipped(
          id, title, slug, "a WordPress " + type.replace('_', ' ') + ": only posts are imported.");
    }
    String wpStatus = item.field("wp:status") == null ? "draft" : item.field("wp:status");
    PostStatus status;
    switch (wpStatus) {
      case "publish" ->
          status = item.field("wp:post_password") == null ? PostStatus.PUBLISHED : PostStatus.DRAFT;
      case "future" -> status = PostStatus.SCHEDULED;
      case "draft", "pending", "private" -> status = PostStatus.DRAFT;
      case "trash", "auto-draft", "inherit" -> {
        return ImportItem.skipped(
            id, title, slug, "WordPress's status \"" + wpStatus + "\": not a post to keep.");
      }
      default -> {
        return ImportItem.unreadable(
            id, title, slug, "status: WordPress's \"" + wpStatus + "\" is not one Jotter has.");
      }
    }
    List<Named> tags = new ArrayList<>();
    for (String domain : List.of("category", "post_tag")) {
      for (String[] c : item.categories) {
        if (domain.equals(c[0]) && c[2] != null && !c[2].isBlank()) {
          tags.add(new Named(decodeEntities(c[2].strip()), slug(c[1])));
        }
      }
    }
    List<Named> postAuthors = new ArrayList<>();
    String creator = item.field("dc:creator");
    if (creator != null) {
      Named author = authors.get(creator.strip());
      postAuthors.add(author != null ? author : new Named(creator.strip(), slug(creator)));
    }
    String thumbnail = item.meta("_thumbnail_id");
    FeatureImage image = thumbnail == null ? null : attachments.get(thumbnail.strip());
    String markdown;
    try {
      markdown = HtmlToMarkdown.convertWordPress(item.field("content:encoded"));
    } catch (RuntimeException e) {
      return ImportItem.unreadable(id, title, slug, "content: cannot be converted (" + e + ").");
    }
    java.time.OffsetDateTime date;
    try {
      date = date(item.field("wp:post_date"), item.field("wp:post_date_gmt"));
    } catch (DateTimeParseException e) {
      return ImportItem.unreadable(
          id, title, slug, "wp:post_date: \"" + item.field("wp:post_date") + "\" is not a date.");
    }
    if (status == PostStatus.SCHEDULED && date == null) {
      return ImportItem.unreadable(id, title, slug, "wp:post_date: a scheduled post needs one.");
    }
    String excerpt = item.field("excerpt:encoded");
    return new ImportItem(
        id,
        title,
        slug,
        markdown,
        excerpt == null ? null : excerpt.strip(),
        null,
        status,
        status == PostStatus.DRAFT ? null : date,
        date,
        tags,
        postAuthors,
        image,
        null,
        "1".equals(item.field("wp:is_sticky")),
        null,
        null);
  }

  /**
   * The local date with the offset the site had then: post_date is the site's clock, post_date_gmt
   * UTC; a draft's GMT date is zeros, and then the local date is taken as UTC.
   */
  static java.time.OffsetDateTime date(String local, String gmt) {
    if (local == null || local.startsWith(NO_DATE)) {
      return null;
    }
    LocalDateTime at = LocalDateTime.parse(local.strip().replace(' ', 'T'));
    if (gmt == null || gmt.startsWith(NO_DATE)) {
      return at.atOffset(ZoneOffset.UTC);
    }
    LocalDateTime utc = LocalDateTime.parse(gmt.strip().replace(' ', 'T'));
    long seconds = Duration.between(utc, at).getSeconds();
    if (Math.abs(seconds) > 18 * 3600) {
      return utc.atOffset(ZoneOffset.UTC);
    }
    return at.atOffset(ZoneOffset.ofTotalSeconds((int) (Math.round(seconds / 900.0) * 900)));
  }

  /** A WordPress slug (percent-encoded for non-ASCII) if it is one Jotter takes; else null. */
  static String slug(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(name.strip(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return decoded.matches("[a-z0-9]+(?:-[a-z0-9]+)*") && decoded.length() <= 80 ? decoded : null;
  }

  private static String decodeEntities(String text) {
    return org.jsoup.parser.Parser.unescapeEntities(text, false);
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
