package dev.jotter.authoring.internal;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.authoring.domain.WebhookEvent;
import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.BlogSettings;
import dev.jotter.content.api.BlogSettingsCatalog;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagCatalog;
import dev.jotter.content.api.TagView;
import dev.jotter.platform.changes.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The JSON body of a webhook delivery: the event, the change it comes from and a snapshot of what
 * it is about, as it was when the delivery was made (a post that is gone is {@code null}).
 */
@ApplicationScoped
public class WebhookPayloads {

  @Inject PostCatalog posts;
  @Inject TagCatalog tags;
  @Inject AuthorCatalog authors;
  @Inject BlogSettingsCatalog blogSettings;

  @Inject
  @ConfigProperty(name = "jotter.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  /** The body announcing {@code change} as {@code event}. */
  public String body(WebhookEvent event, Change change) {
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("event", event.wireName())
            .add("changeId", Long.toString(change.id()))
            .add("occurredAt", time(change.at()));
    long id = change.subjectId();
    switch (event.subject()) {
      case "post" ->
          posts
              .findById(id)
              .ifPresentOrElse(p -> body.add("post", post(p)), () -> body.addNull("post"));
      case "tag" -> body.add("tag", tag(id));
      case "blog" -> body.add("blog", blog());
      default -> body.add("author", author(id));
    }
    return body.build().toString();
  }

  /** What a subject's deliveries are ordered by: {@code post:42}. */
  public static String subjectKey(WebhookEvent event, Change change) {
    return event.subject() + ":" + change.subjectId();
  }

  private JsonObjectBuilder post(PostView p) {
    JsonArrayBuilder tagList = JSON.createArrayBuilder();
    p.tags().forEach(t -> tagList.add(tagJson(t)));
    JsonArrayBuilder authorList = JSON.createArrayBuilder();
    p.authors().forEach(a -> authorList.add(authorJson(a)));
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", Long.toString(p.id()))
            .add("slug", p.slug())
            .add("title", p.title())
            .add("status", p.status().name())
            .add("url", base() + "/p/" + p.slug())
            .add("excerpt", p.excerpt())
            .add("featured", p.featured())
            .add("html", p.html())
            .add("version", p.version())
            .add("tags", tagList)
            .add("authors", authorList);
    optional(json, "publishedAt", p.publishedAt());
    optional(json, "updatedAt", p.updatedAt());
    if (p.featureImage() == null) {
      json.addNull("featureImage");
    } else {
      JsonObjectBuilder image = JSON.createObjectBuilder().add("url", p.featureImage().url());
      if (p.featureImage().alt() != null) {
        image.add("alt", p.featureImage().alt());
      }
      json.add("featureImage", image);
    }
    return json;
  }

  /** The blog's settings now (deliveries are made as the change is read: the newest win). */
  private JsonObjectBuilder blog() {
    BlogSettings site = blogSettings.current();
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("title", site.title())
            .add("url", site.url())
            .add("locale", site.locale());
    if (site.description() != null) {
      json.add("description", site.description());
    }
    return json;
  }

  private JsonObjectBuilder tag(long id) {
    return tags.findAllPublic().stream()
        .filter(t -> t.id() == id)
        .findFirst()
        .map(WebhookPayloads::tagJson)
        .orElseGet(() -> JSON.createObjectBuilder().add("id", Long.toString(id)));
  }

  private JsonObjectBuilder author(long id) {
    return authors.findAll().stream()
        .filter(a -> a.id() == id)
        .findFirst()
        .map(WebhookPayloads::authorJson)
        .orElseGet(() -> JSON.createObjectBuilder().add("id", Long.toString(id)));
  }

  private static JsonObjectBuilder tagJson(TagView t) {
    return JSON.createObjectBuilder()
        .add("id", Long.toString(t.id()))
        .add("slug", t.slug())
        .add("name", t.name());
  }

  private static JsonObjectBuilder authorJson(AuthorView a) {
    return JSON.createObjectBuilder()
        .add("id", Long.toString(a.id()))
        .add("slug", a.slug())
        .add("name", a.name());
  }

  private static void optional(JsonObjectBuilder json, String name, OffsetDateTime time) {
    if (time == null) {
      json.addNull(name);
    } else {
      json.add(name, time(time));
    }
  }

  private static String time(OffsetDateTime time) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }

  private String base() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }
}
