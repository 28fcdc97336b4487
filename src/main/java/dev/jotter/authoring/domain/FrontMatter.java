package dev.jotter.authoring.domain;

import dev.jotter.authoring.domain.ImportItem.Named;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagView;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A Markdown file with YAML front matter, the format static site generators use: {@code ---}, then
 * {@code title}, {@code slug}, {@code date}, {@code status}, {@code tags}, {@code authors}, {@code
 * excerpt}, {@code featureImage} (and {@code subtitle}, {@code featured}, {@code seo}), then {@code
 * ---} and the body. Tags and authors are names, or {@code {name, slug}} maps. YAML is read with
 * aliases limited (no "billion laughs") and no Java types (SnakeYAML Engine: YAML 1.2).
 */
public final class FrontMatter {

  private static final int MAX_FRONT_MATTER_CHARS = 256 * 1024;

  private FrontMatter() {}

  /** Reads one file; an item with a problem when its front matter cannot be read. */
  public static ImportItem parse(String sourceId, String text) {
    String doc = text.replace("\r\n", "\n");
    if (doc.startsWith("\uFEFF")) {
      doc = doc.substring(1);
    }
    Map<?, ?> meta = Map.of();
    String body = doc;
    if (doc.startsWith("---\n")) {
      int end = closing(doc);
      if (end < 0) {
        return ImportItem.unreadable(
            sourceId, null, null, "front matter: it starts with --- but never ends with ---.");
      }
      String yaml = doc.substring(4, end);
      if (yaml.length() > MAX_FRONT_MATTER_CHARS) {
        return ImportItem.unreadable(sourceId, null, null, "front matter: longer than 256 KiB.");
      }
      int bodyStart = doc.indexOf('\n', end + 1);
      body = bodyStart < 0 ? "" : doc.substring(bodyStart + 1);
      try {
        Object loaded = new Load(loadSettings()).loadFromString(yaml);
        if (loaded instanceof Map<?, ?> map) {
          meta = map;
        } else if (loaded != null) {
          return ImportItem.unreadable(
              sourceId, null, null, "front matter: expected keys and values (title: …).");
        }
      } catch (YamlEngineException e) {
        return ImportItem.unreadable(sourceId, null, null, "front matter: " + firstLine(e));
      }
    }
    body = body.replaceFirst("^\n+", "");
    String title = text(meta, "title");
    String slug = text(meta, "slug");
    try {
      String statusText = text(meta, "status");
      PostStatus status = status(statusText);
      OffsetDateTime date = date(meta.get("date"), "date");
      if (status == PostStatus.SCHEDULED && date == null) {
        throw new IllegalArgumentException("status: scheduled needs a date.");
      }
      FeatureImage image = featureImage(meta);
      return new ImportItem(
          sourceId,
          title,
          slug,
          body,
          text(meta, "excerpt"),
          text(meta, "subtitle"),
          status,
          date,
          date(meta.get("created"), "created"),
          named(meta.get("tags"), "tags"),
          named(meta.containsKey("authors") ? meta.get("authors") : meta.get("author"), "authors"),
          image,
          seo(meta.get("seo")),
          Boolean.parseBoolean(String.valueOf(meta.get("featured"))),
          null,
          null);
    } catch (IllegalArgumentException e) {
      return ImportItem.unreadable(sourceId, title, slug, e.getMessage());
    }
  }

  /** The Markdown file of a post: its front matter, then its body as written. */
  public static String write(EditablePost editable) {
    PostView post = editable.post();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("title", post.title());
    meta.put("slug", post.slug());
    if (post.publishedAt() != null) { // a draft's too: when it was published before
      meta.put("date", post.publishedAt().toString());
    }
    meta.put("status", post.status().name().toLowerCase(Locale.ROOT));
    if (post.createdAt() != null) {
      meta.put("created", post.createdAt().toString());
    }
    if (post.subtitle() != null) {
      meta.put("subtitle", post.subtitle());
    }
    if (post.customExcerpt() != null) {
      meta.put("excerpt", post.customExcerpt());
    }
    List<Object> tags = new ArrayList<>();
    for (TagView tag : editable.allTags()) {
      tags.add(nameAndSlug(tag.name(), tag.slug()));
    }
    meta.put("tags", tags);
    List<Object> authors = new ArrayList<>();
    for (AuthorView author : post.authors()) {
      authors.add(nameAndSlug(author.name(), author.slug()));
    }
    meta.put("authors", authors);
    if (post.featureImage() != null) {
      Map<String, Object> image = new LinkedHashMap<>();
      image.put("url", post.featureImage().url());
      if (post.featureImage().alt() != null) {
        image.put("alt", post.featureImage().alt());
      }
      meta.put("featureImage", image);
    }
    if (post.featured()) {
      meta.put("featured", true);
    }
    Map<String, Object> seo = seoMap(post.seo());
    if (!seo.isEmpty()) {
      meta.put("seo", seo);
    }
    DumpSettings settings =
        DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(1000).build();
    return "---\n" + new Dump(settings).dumpToString(meta) + "---\n" + editable.markdown();
  }

  private static Map<String, Object> nameAndSlug(String name, String slug) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name);
    map.put("slug", slug);
    return map;
  }

  private static Map<String, Object> seoMap(PostSeo seo) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (seo == null) {
      return map;
    }
    String[][] fields = {
      {"metaTitle", seo.metaTitle()},
      {"metaDescription", seo.metaDescription()},
      {"canonicalUrl", seo.canonicalUrl()},
      {"ogTitle", seo.ogTitle()},
      {"ogDescription", seo.ogDescription()},
      {"ogImage", seo.ogImage()},
      {"twitterTitle", seo.twitterTitle()},
      {"twitterDescription", seo.twitterDescription()},
      {"twitterImage", seo.twitterImage()}
    };
    for (String[] f : fields) {
      if (f[1] != null) {
        map.put(f[0], f[1]);
      }
    }
    return map;
  }

  private static LoadSettings loadSettings() {
    return LoadSettings.builder()
        .setMaxAliasesForCollections(20)
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setCodePointLimit(MAX_FRONT_MATTER_CHARS)
        .build();
  }

  private static int closing(String doc) {
    int from = 4;
    while (true) {
      int at = doc.indexOf("\n", from - 1);
      if (at < 0) {
        return -1;
      }
      int lineStart = at + 1;
      if (doc.startsWith("---", lineStart) || doc.startsWith("...", lineStart)) {
        int lineEnd = doc.indexOf('\n', lineStart);
        String line = doc.substring(lineStart, lineEnd < 0 ? doc.length() : lineEnd).strip();
        if (line.equals("---") || line.equals("...")) {
          return lineStart;
        }
      }
      from = lineStart + 1;
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage()).strip();
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  static String text(Map<?, ?> meta, String key) {
    Object value = meta.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      throw new IllegalArgumentException(key + ": expected text.");
    }
    String text = String.valueOf(value);
    return text.isBlank() ? null : text;
  }

  static PostStatus status(String text) {
    if (text == null) {
      return PostStatus.PUBLISHED;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "published", "publish", "public" -> PostStatus.PUBLISHED;
      case "draft" -> PostStatus.DRAFT;
      case "scheduled", "future" -> PostStatus.SCHEDULED;
      default ->
          throw new IllegalArgumentException(
              "status: \"" + text + "\" is not published, draft or scheduled.");
    };
  }

  /** A date with its offset; a date-time without one is taken as UTC, a bare date as midnight. */
  public static OffsetDateTime date(Object value, String field) {
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    String text = String.valueOf(value).strip().replace(' ', 'T');
    if (text.endsWith("z")) {
      text = text.substring(0, text.length() - 1) + "Z";
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      // try the forms without an offset
    }
    try {
      return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try a bare date
    }
    try {
      return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + ": \"" + value + "\" is not a date like 2024-05-01 or 2024-05-01T09:30:00Z.");
    }
  }

  private static List<Named> named(Object value, String field) {
    List<Named> named = new ArrayList<>();
    if (value == null) {
      return named;
    }
    List<?> items =
        value instanceof List<?> list
            ? list
            : List.of((Object[]) String.valueOf(value).split("\\s*,\\s*"));
    for (Object item : items) {
      if (item instanceof Map<?, ?> map) {
        String name = text(map, "name");
        String slug = text(map, "slug");
        if (name == null && slug == null) {
          throw new IllegalArgumentException(field + ": each needs a name.");
        }
        named.add(new Named(name == null ? slug : name, slug));
      } else if (item != null && !String.valueOf(item).isBlank()) {
        named.add(new Named(String.valueOf(item).strip(), null));
      }
    }
    return named;
  }

  private static FeatureImage featureImage(Map<?, ?> meta) {
    Object value = meta.get("featureImage");
    if (value == null) {
      value = meta.get("feature_image");
    }
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      String url = text(map, "url");
      return url == null ? null : new FeatureImage(url, text(map, "alt"));
    }
    String url = String.valueOf(value).strip();
    return url.isEmpty() ? null : new FeatureImage(url, text(meta, "featureImageAlt"));
  }

  private static PostSeo seo(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return PostSeo.NONE;
    }
    return new PostSeo(
        text(map, "metaTitle"),
        text(map, "metaDescription"),
        text(map, "canonicalUrl"),
        text(map, "ogTitle"),
        text(map, "ogDescription"),
        text(map, "ogImage"),
        text(map, "twitterTitle"),
        text(map, "twitterDescription"),
        text(map, "twitterImage"));
  }
}
