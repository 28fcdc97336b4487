package dev.jotter.authoring.domain;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.authoring.domain.ImportItem.Named;
import dev.jotter.authoring.domain.ImportRefusedException.Reason;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ghost's JSON export (Ghost 5: {@code {"db": [{"meta", "data": {posts, posts_meta, users,
 * posts_authors, tags, posts_tags, …}}]}}), read with JSON-P's streaming parser in two passes: the
 * first keeps what relates posts to their tags, authors and SEO fields (small), the second hands
 * the posts over one at a time. A post's HTML becomes Markdown ({@link HtmlToMarkdown}); without
 * HTML, its Lexical document does ({@link LexicalToMarkdown}). Pages are reported as skipped:
 * Jotter has no pages.
 */
public final class GhostImport implements ImportReader {

  /** Ghost's placeholder for the site's own address in URLs. */
  private static final String GHOST_URL = "__GHOST_URL__";

  private final Map<String, Named> tags = new HashMap<>();
  private final Map<String, Named> users = new HashMap<>();
  private final Map<String, List<String[]>> postTags = new HashMap<>();
  private final Map<String, List<String[]>> postAuthors = new HashMap<>();
  private final Map<String, JsonObject> postMeta = new HashMap<>();

  @Override
  public void read(Path file, ImportLimits limits, Consumer<ImportItem> sink)
      throws ImportRefusedException, IOException {
    limits.checkSize(file);
    tags.clear();
    users.clear();
    postTags.clear();
    postAuthors.clear();
    postMeta.clear();
    boolean[] sawPosts = {false};
    pass(file, (name, parser) -> relations(name, parser, sawPosts));
    if (!sawPosts[0]) {
      throw new ImportRefusedException(
          Reason.MALFORMED,
          "This is not a Ghost export: it has no db[0].data.posts (export it from Ghost's"
              + " Settings → Labs → Export your content).");
    }
    pass(
        file,
        (name, parser) -> {
          if (!name.equals("posts")) {
            skip(parser);
            return;
          }
          expect(parser, Event.START_ARRAY, "posts");
          while (parser.hasNext()) {
            Event event = parser.next();
            if (event == Event.END_ARRAY) {
              return;
            }
            if (event != Event.START_OBJECT) {
              throw new JsonParsingException("posts: expected objects", parser.getLocation());
            }
            sink.accept(item(parser.getObject()));
          }
          throw new JsonParsingException("the file ends inside posts", parser.getLocation());
        });
  }

  /** Called with each table of {@code data} as the parser reaches its value. */
  private interface Table {
    void read(String name, JsonParser parser) throws ImportRefusedException;
  }

  private void pass(Path file, Table table) throws ImportRefusedException, IOException {
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = JSON.createParser(in)) {
      expect(parser, Event.START_OBJECT, "the file");
      if (!findData(parser)) {
        throw new ImportRefusedException(
            Reason.MALFORMED, "This is not a Ghost export: there is no db[0].data object.");
      }
      while (parser.hasNext()) {
        Event event = parser.next();
        if (event == Event.END_OBJECT) {
          return;
        }
        String name = parser.getString();
        table.read(name, parser);
      }
      throw new JsonParsingException("the file ends too early", parser.getLocation());
    } catch (JsonParsingException e) {
      throw new ImportRefusedException(
          Reason.MALFORMED,
          "The file is not valid JSON (line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ").");
    } catch (jakarta.json.JsonException | IllegalStateException | ClassCastException e) {
      throw new ImportRefusedException(
          Reason.MALFORMED, "This is not a Ghost export: " + e.getMessage());
    }
  }

  /**
   * Moves the parser into {@code db[0].data} (or a top-level {@code data}): true when it is there,
   * just after the object's start.
   */
  private static boolean findData(JsonParser parser) {
    while (parser.hasNext()) {
      Event event = parser.next();
      if (event == Event.END_OBJECT) {
        return false;
      }
      String key = parser.getString();
      Event value = parser.next();
      if (key.equals("data") && value == Event.START_OBJECT) {
        return true;
      }
      if (key.equals("db") && value == Event.START_ARRAY) {
        if (parser.next() != Event.START_OBJECT) {
          return false;
        }
        return findData(parser);
      }
      skipValue(parser, value);
    }
    return false;
  }

  private void relations(String name, JsonParser parser, boolean[] sawPosts)
      throws ImportRefusedException {
    switch (name) {
      case "posts" -> {
        sawPosts[0] = true;
        skip(parser);
      }
      case "tags" -> {
        for (JsonObject tag : objects(parser, name)) {
          tags.put(str(tag, "id"), new Named(str(tag, "name"), str(tag, "slug")));
        }
      }
      case "users" -> {
        for (JsonObject user : objects(parser, name)) {
          users.put(str(user, "id"), new Named(str(user, "name"), str(user, "slug")));
        }
      }
      case "posts_tags" -> {
        for (JsonObject link : objects(parser, name)) {
          postTags
              .computeIfAbsent(str(link, "post_id"), k -> new ArrayList<>())
              .add(new String[] {str(link, "tag_id"), order(link)});
        }
      }
      case "posts_authors" -> {
        for (JsonObject link : objects(parser, name)) {
          postAuthors
              .computeIfAbsent(str(link, "post_id"), k -> new ArrayList<>())
              .add(new String[] {str(link, "author_id"), order(link)});
        }
      }
      case "posts_meta" -> {
        for (JsonObject meta : objects(parser, name)) {
          postMeta.put(str(meta, "post_id"), meta);
        }
      }
      default -> skip(parser);
    }
  }

  private ImportItem item(JsonObject post) {
    String id = str(post, "id");
    String title = str(post, "title");
    String slug = str(post, "slug");
    String type = str(post, "type");
    if (type != null && !type.equals("post")) {
      return ImportItem.skipped(
          id,
          title,
          slug,
          "a Ghost "
              + type
              + ": Jotter has no pages, only posts (publish it as a post to keep it).");
    }
    PostStatus status;
    String ghostStatus = String.valueOf(str(post, "status"));
    switch (ghostStatus) {
      case "published", "sent" -> status = PostStatus.PUBLISHED;
      case "draft" -> status = PostStatus.DRAFT;
      case "scheduled" -> status = PostStatus.SCHEDULED;
      default -> {
        return ImportItem.unreadable(
            id, title, slug, "status: Ghost's \"" + ghostStatus + "\" is not one Jotter has.");
      }
    }
    String markdown;
    try {
      String html = str(post, "html");
      String lexical = str(post, "lexical");
      String mobiledoc = str(post, "mobiledoc");
      java.util.Optional<String> cards =
          lexical == null ? java.util.Optional.empty() : LexicalToMarkdown.markdownCards(lexical);
      if (cards.isPresent()) {
        markdown = local(cards.get());
      } else if (html != null) {
        markdown = HtmlToMarkdown.convert(local(html));
      } else if (lexical != null) {
        markdown = LexicalToMarkdown.convert(local(lexical));
      } else if (mobiledoc != null) {
        return ImportItem.unreadable(
            id, title, slug, "body: only Mobiledoc and no HTML; export it from Ghost 5.");
      } else {
        markdown = "";
      }
    } catch (RuntimeException e) {
      return ImportItem.unreadable(id, title, slug, "body: cannot be converted (" + e + ").");
    }
    JsonObject meta = postMeta.getOrDefault(id, JsonValue.EMPTY_JSON_OBJECT);
    String image = local(str(post, "feature_image"));
    PostSeo seo =
        new PostSeo(
            str(meta, "meta_title"),
            str(meta, "meta_description"),
            str(post, "canonical_url"),
            str(meta, "og_title"),
            str(meta, "og_description"),
            local(str(meta, "og_image")),
            str(meta, "twitter_title"),
            str(meta, "twitter_description"),
            local(str(meta, "twitter_image")));
    try {
      return new ImportItem(
          id,
          title,
          slug,
          markdown,
          str(post, "custom_excerpt"),
          str(post, "subtitle"),
          status,
          FrontMatter.date(str(post, "published_at"), "published_at"),
          FrontMatter.date(str(post, "created_at"), "created_at"),
          linked(postTags.get(id), tags),
          linked(postAuthors.get(id), users),
          image == null ? null : new FeatureImage(image, str(meta, "feature_image_alt")),
          seo,
          truthy(post.get("featured")),
          null,
          null);
    } catch (IllegalArgumentException e) {
      return ImportItem.unreadable(id, title, slug, e.getMessage());
    }
  }

  private static List<Named> linked(List<String[]> links, Map<String, Named> named) {
    List<Named> found = new ArrayList<>();
    if (links == null) {
      return found;
    }
    links.stream()
        .sorted(Comparator.comparingInt(l -> l[1] == null ? 0 : Integer.parseInt(l[1])))
        .forEach(
            l -> {
              Named n = named.get(l[0]);
              if (n != null) {
                found.add(n);
              }
            });
    return found;
  }

  /** Ghost's own URLs made site-relative. */
  private static String local(String text) {
    return text == null ? null : text.replace(GHOST_URL, "");
  }

  private static String order(JsonObject link) {
    JsonValue v = link.get("sort_order");
    return v instanceof JsonNumber n ? String.valueOf(n.intValue()) : "0";
  }

  private static boolean truthy(JsonValue value) {
    return value == JsonValue.TRUE
        || (value instanceof JsonNumber n && n.intValue() != 0)
        || (value instanceof JsonString s && s.getString().equals("1"));
  }

  static String str(JsonObject object, String key) {
    JsonValue value = object.get(key);
    if (value instanceof JsonString s) {
      return s.getString().isBlank() ? null : s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  private static List<JsonObject> objects(JsonParser parser, String name)
      throws ImportRefusedException {
    expect(parser, Event.START_ARRAY, name);
    JsonArray array = parser.getArray();
    List<JsonObject> objects = new ArrayList<>();
    for (JsonValue value : array) {
      if (value instanceof JsonObject o) {
        objects.add(o);
      }
    }
    return objects;
  }

  private static void expect(JsonParser parser, Event wanted, String what)
      throws ImportRefusedException {
    if (!parser.hasNext() || parser.next() != wanted) {
      throw new ImportRefusedException(
          Reason.MALFORMED,
          "This is not a Ghost export: "
              + what
              + " is not "
              + (wanted == Event.START_ARRAY ? "a list." : "an object."));
    }
  }

  private static void skip(JsonParser parser) {
    skipValue(parser, parser.next());
  }

  /**
   * Skips the value that starts with {@code event}, counting depth (JSON-P's skipArray and
   * skipObject loop forever on a file that ends inside the value).
   */
  private static void skipValue(JsonParser parser, Event event) {
    if (event != Event.START_ARRAY && event != Event.START_OBJECT) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      if (!parser.hasNext()) {
        throw new JsonParsingException("the file ends too early", parser.getLocation());
      }
      switch (parser.next()) {
        case START_ARRAY, START_OBJECT -> depth++;
        case END_ARRAY, END_OBJECT -> depth--;
        default -> {}
      }
    }
  }
}
