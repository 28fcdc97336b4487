package dev.jotter.authoring.domain;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagView;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

/**
 * The blog as Ghost's JSON export (the shape Ghost 5's importer reads: {@code db[0].data} with
 * posts, tags, users, posts_tags, posts_authors and posts_meta), written with JSON-P's streaming
 * generator: the posts are read once per table, a page at a time, so memory does not grow with the
 * blog. Each post carries its HTML, and its Markdown as a Lexical document holding one Markdown
 * card (Ghost's own way to keep Markdown as written), which Jotter's import reads back exactly.
 */
public final class GhostExport {

  /** Every post, a page at a time, handed over in id order; called once per table. */
  @FunctionalInterface
  public interface Posts {
    void each(Consumer<EditablePost> post);
  }

  private GhostExport() {}

  public static void write(
      OutputStream out, Posts posts, List<TagView> tags, List<AuthorView> authors) {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject().writeStartArray("db").writeStartObject();
      json.writeStartObject("meta")
          .write("exported_on", System.currentTimeMillis())
          .write("version", "5.130.4")
          .writeEnd();
      json.writeStartObject("data");
      json.writeStartArray("posts");
      posts.each(post -> post(json, post));
      json.writeEnd();
      json.writeStartArray("tags");
      for (TagView tag : tags) {
        json.writeStartObject()
            .write("id", id("7", tag.id()))
            .write("name", tag.name())
            .write("slug", tag.slug());
        nullable(json, "description", tag.description());
        json.write("visibility", tag.name().startsWith("#") ? "internal" : "public").writeEnd();
      }
      json.writeEnd();
      json.writeStartArray("users");
      for (AuthorView author : authors) {
        json.writeStartObject()
            .write("id", id("8", author.id()))
            .write("name", author.name())
            .write("slug", author.slug())
            .write("email", author.slug() + "@jotter.invalid");
        nullable(json, "bio", author.bio());
        nullable(json, "profile_image", author.avatarUrl());
        nullable(json, "website", author.website());
        nullable(json, "location", author.location());
        json.write("status", "active").writeEnd();
      }
      json.writeEnd();
      json.writeStartArray("posts_tags");
      posts.each(
          post -> {
            int order = 0;
            for (TagView tag : post.allTags()) {
              json.writeStartObject()
                  .write("id", id("a", post.id()) + "-" + order)
                  .write("post_id", id("6", post.id()))
                  .write("tag_id", id("7", tag.id()))
                  .write("sort_order", order++)
                  .writeEnd();
            }
          });
      json.writeEnd();
      json.writeStartArray("posts_authors");
      posts.each(
          post -> {
            int order = 0;
            for (AuthorView author : post.post().authors()) {
              json.writeStartObject()
                  .write("id", id("b", post.id()) + "-" + order)
                  .write("post_id", id("6", post.id()))
                  .write("author_id", id("8", author.id()))
                  .write("sort_order", order++)
                  .writeEnd();
            }
          });
      json.writeEnd();
      json.writeStartArray("posts_meta");
      posts.each(post -> meta(json, post.post()));
      json.writeEnd();
      json.writeEnd(); // data
      json.writeEnd().writeEnd().writeEnd();
    }
  }

  private static void post(JsonGenerator json, EditablePost editable) {
    PostView post = editable.post();
    String lexical =
        JSON.createObjectBuilder()
            .add(
                "root",
                JSON.createObjectBuilder()
                    .add(
                        "children",
                        JSON.createArrayBuilder()
                            .add(
                                JSON.createObjectBuilder()
                                    .add("type", "markdown")
                                    .add("version", 1)
                                    .add("markdown", editable.markdown())))
                    .add("direction", "ltr")
                    .add("format", "")
                    .add("indent", 0)
                    .add("type", "root")
                    .add("version", 1))
            .build()
            .toString();
    json.writeStartObject()
        .write("id", id("6", post.id()))
        .write("title", post.title())
        .write("slug", post.slug())
        .write("lexical", lexical)
        .write("html", post.html())
        .write("plaintext", post.text())
        .write("type", "post")
        .write("status", status(post.status()))
        .write("visibility", "public")
        .write("featured", post.featured());
    nullable(json, "feature_image", post.featureImage() == null ? null : post.featureImage().url());
    nullable(json, "custom_excerpt", post.customExcerpt());
    nullable(json, "subtitle", post.subtitle()); // not Ghost's: read back by Jotter's import
    nullable(json, "canonical_url", post.seo().canonicalUrl());
    json.write("created_at", date(post.createdAt())).write("updated_at", date(post.updatedAt()));
    nullable(json, "published_at", post.publishedAt() == null ? null : date(post.publishedAt()));
    json.writeEnd();
  }

  private static void meta(JsonGenerator json, PostView post) {
    PostSeo seo = post.seo();
    json.writeStartObject().write("id", id("c", post.id())).write("post_id", id("6", post.id()));
    nullable(json, "meta_title", seo.metaTitle());
    nullable(json, "meta_description", seo.metaDescription());
    nullable(json, "og_title", seo.ogTitle());
    nullable(json, "og_description", seo.ogDescription());
    nullable(json, "og_image", seo.ogImage());
    nullable(json, "twitter_title", seo.twitterTitle());
    nullable(json, "twitter_description", seo.twitterDescription());
    nullable(json, "twitter_image", seo.twitterImage());
    nullable(
        json, "feature_image_alt", post.featureImage() == null ? null : post.featureImage().alt());
    json.writeEnd();
  }

  private static String status(PostStatus status) {
    return switch (status) {
      case PUBLISHED -> "published";
      case SCHEDULED -> "scheduled";
      default -> "draft";
    };
  }

  /** A 24-digit hex id, as Ghost's ObjectIds look, unique per table by its first digit. */
  static String id(String table, long id) {
    return table + String.format("%023x", id);
  }

  private static String date(OffsetDateTime at) {
    return at.withOffsetSameInstant(ZoneOffset.UTC).toString();
  }

  private static void nullable(JsonGenerator json, String name, String value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value);
    }
  }
}
