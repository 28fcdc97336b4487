package dev.jotter.content.internal;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.content.api.ResponsiveImages;
import dev.jotter.content.domain.Author;
import dev.jotter.content.domain.AuthorRepository;
import dev.jotter.content.domain.Post;
import dev.jotter.content.domain.PostRepository;
import dev.jotter.content.domain.Slug;
import dev.jotter.content.domain.SlugLock;
import dev.jotter.content.domain.Tag;
import dev.jotter.content.domain.TagRepository;
import dev.jotter.platform.persistence.DatabaseMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo blog (author astro, a co-author, tags and a dozen posts from {@code
 * demo/blog.json} and {@code demo/posts/*.md}) when the database is empty, so a newcomer sees a
 * real blog on first start. Never touches a database that holds any author or post; off with {@code
 * JOTTER_DEMO_SEED=false}. All of it is one transaction: seeded whole or not at all.
 */
@ApplicationScoped
public class DemoBlogSeeder {

  static final String MANIFEST = "demo/blog.json";
  private static final Logger LOG = Logger.getLogger(DemoBlogSeeder.class.getName());

  @Inject AuthorRepository authors;
  @Inject TagRepository tags;
  @Inject PostRepository posts;
  @Inject SlugLock slugLock;

  @Inject
  @ConfigProperty(name = "jotter.demo.seed", defaultValue = "true")
  boolean enabled;

  @Transactional
  void seedWhenEmpty(@Observes DatabaseMigrated migrated) {
    if (!enabled) {
      LOG.info("Demo blog seeding is off (jotter.demo.seed=false)");
      return;
    }
    slugLock.hold(); // servers starting at once on an empty database: one seeds, the others see it
    if (posts.count() > 0 || !authors.findAll().isEmpty()) {
      LOG.info("The database holds content: the demo blog is not seeded");
      return;
    }
    int seeded = seed(read(MANIFEST), OffsetDateTime.now(Clock.systemUTC()));
    LOG.info(() -> "Seeded the demo blog: " + seeded + " posts");
  }

  private int seed(JsonObject manifest, OffsetDateTime now) {
    Map<String, Author> authorsBySlug = new HashMap<>();
    for (JsonObject a : manifest.getJsonArray("authors").getValuesAs(JsonObject.class)) {
      Author author = new Author(new Slug(a.getString("slug")), a.getString("name"), now);
      author.describe(
          text(a, "bio"), text(a, "avatarUrl"), text(a, "website"), text(a, "location"), now);
      authorsBySlug.put(author.slug(), authors.save(author));
    }
    Map<String, Tag> tagsBySlug = new HashMap<>();
    for (JsonObject t : manifest.getJsonArray("tags").getValuesAs(JsonObject.class)) {
      Tag tag =
          new Tag(new Slug(t.getString("slug")), t.getString("name"), text(t, "description"), now);
      tagsBySlug.put(tag.slug(), tags.save(tag));
    }
    List<JsonObject> entries = manifest.getJsonArray("posts").getValuesAs(JsonObject.class);
    for (JsonObject p : entries) {
      List<Author> postAuthors = strings(p, "authors").stream().map(authorsBySlug::get).toList();
      OffsetDateTime publishedAt =
          OffsetDateTime.parse(p.getString("publishedAt")).withOffsetSameInstant(ZoneOffset.UTC);
      Post post = new Post(new Slug(p.getString("slug")), postAuthors.get(0), publishedAt);
      post.setContent(
          p.getString("title"),
          text(p, "subtitle"),
          new String(readBytes("demo/" + p.getString("file")), StandardCharsets.UTF_8),
          text(p, "customExcerpt"),
          null,
          ResponsiveImages.NONE,
          publishedAt);
      post.setAuthors(postAuthors);
      post.setFeatured(p.getBoolean("featured", false));
      post.setTags(strings(p, "tags").stream().map(tagsBySlug::get).toList());
      post.publish(publishedAt);
      posts.save(post);
    }
    return entries.size();
  }

  private static JsonObject read(String resource) {
    try (JsonReader reader =
        JSON.createReader(new java.io.ByteArrayInputStream(readBytes(resource)))) {
      return reader.readObject();
    }
  }

  private static byte[] readBytes(String resource) {
    try (InputStream in = DemoBlogSeeder.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing demo resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read demo resource " + resource, e);
    }
  }

  private static String text(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value instanceof JsonString s ? s.getString() : null;
  }

  private static List<String> strings(JsonObject json, String key) {
    return json.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
