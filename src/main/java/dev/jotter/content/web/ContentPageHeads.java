package dev.jotter.content.web;

import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagCatalog;
import dev.jotter.content.api.TagView;
import dev.jotter.platform.web.PageHead;
import dev.jotter.platform.web.PageHead.Meta;
import dev.jotter.platform.web.PageHeads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The heads of {@code /p/{slug}} (a published post, found by an earlier slug too; its canonical
 * address is the current one), {@code /tag/{slug}} (a public tag) and {@code /author/{slug}} (an
 * author with published posts); anything else there is not found. A preview page ({@code
 * /preview/{token}}) is kept out of search engines, and its address out of Referer headers.
 */
@ApplicationScoped
public class ContentPageHeads implements PageHeads {

  private static final Pattern PATH = Pattern.compile("/(p|tag|author)/([^/]+)");

  @Inject PostCatalog posts;
  @Inject TagCatalog tags;
  @Inject AuthorCatalog authors;

  @Inject
  @ConfigProperty(name = "jotter.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "jotter.blog.title", defaultValue = "Jotter")
  String blogTitle;

  @Override
  public Optional<PageHead> head(String path) {
    if (path.startsWith("/preview/")) {
      // a draft shown through a link: the app reads it; search engines must not keep it
      return Optional.of(
          new PageHead(
              true,
              "Preview — " + blogTitle,
              null,
              null,
              List.of(
                  Meta.name("robots", "noindex, nofollow"), Meta.name("referrer", "no-referrer")),
              null));
    }
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    String slug = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
    if (slug.length() > 200) {
      return Optional.of(PageHead.NOT_FOUND); // longer than any slug: not worth a query
    }
    Optional<PageHead> head =
        switch (m.group(1)) {
          case "p" -> posts.findPublishedBySlug(slug).map(this::post);
          case "tag" -> tags.findPublicBySlug(slug).map(this::tag);
          default -> authors.findWriterBySlug(slug).map(this::author);
        };
    return Optional.of(head.orElse(PageHead.NOT_FOUND));
  }

  private String base() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  PageHead post(PostView post) {
    PostSeo seo = post.seo().orDefaults(post, base());
    String published = post.publishedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    String modified = post.updatedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    List<Meta> meta = new ArrayList<>();
    meta.add(Meta.property("og:site_name", blogTitle));
    meta.add(Meta.property("og:type", "article"));
    meta.add(Meta.property("og:url", seo.canonicalUrl()));
    meta.add(Meta.property("og:title", seo.ogTitle()));
    meta.add(Meta.property("og:description", seo.ogDescription()));
    meta.add(Meta.property("og:image", seo.ogImage()));
    meta.add(Meta.property("article:published_time", published));
    meta.add(Meta.property("article:modified_time", modified));
    post.tags().forEach(t -> meta.add(Meta.property("article:tag", t.name())));
    meta.add(
        Meta.name("twitter:card", seo.twitterImage() == null ? "summary" : "summary_large_image"));
    meta.add(Meta.name("twitter:title", seo.twitterTitle()));
    meta.add(Meta.name("twitter:description", seo.twitterDescription()));
    meta.add(Meta.name("twitter:image", seo.twitterImage()));
    JsonArrayBuilder people = Json.createArrayBuilder();
    for (AuthorView a : post.authors()) {
      people.add(
          Json.createObjectBuilder()
              .add("@type", "Person")
              .add("name", a.name())
              .add("url", base() + "/author/" + a.slug()));
    }
    JsonObjectBuilder ld =
        Json.createObjectBuilder()
            .add("@context", "https://schema.org")
            .add("@type", "BlogPosting")
            .add("headline", post.title())
            .add("description", seo.metaDescription())
            .add("url", base() + "/p/" + post.slug())
            .add("mainEntityOfPage", seo.canonicalUrl())
            .add("datePublished", published)
            .add("dateModified", modified)
            .add("author", people)
            .add(
                "publisher",
                Json.createObjectBuilder().add("@type", "Organization").add("name", blogTitle))
            .add("wordCount", post.readingTime().words());
    if (seo.ogImage() != null) {
      ld.add("image", seo.ogImage());
    }
    if (!post.tags().isEmpty()) {
      ld.add("keywords", String.join(", ", post.tags().stream().map(TagView::name).toList()));
    }
    return new PageHead(
        true,
        seo.metaTitle(),
        seo.metaDescription(),
        seo.canonicalUrl(),
        meta,
        ld.build().toString());
  }

  PageHead tag(TagView tag) {
    String url = base() + "/tag/" + tag.slug();
    String description =
        tag.description() == null || tag.description().isBlank()
            ? "Posts about " + tag.name() + " on " + blogTitle + "."
            : tag.description();
    String title = tag.name() + " — " + blogTitle;
    JsonObjectBuilder ld =
        Json.createObjectBuilder()
            .add("@type", "CollectionPage")
            .add("name", title)
            .add("description", description);
    return listPage(title, description, url, "website", null, ld);
  }

  PageHead author(AuthorView author) {
    String url = base() + "/author/" + author.slug();
    String description =
        author.bio() == null || author.bio().isBlank()
            ? "Posts by " + author.name() + " on " + blogTitle + "."
            : author.bio();
    String title = author.name() + " — " + blogTitle;
    JsonObjectBuilder person =
        Json.createObjectBuilder()
            .add("@type", "Person")
            .add("name", author.name())
            .add("url", url);
    if (author.website() != null && !author.website().isBlank()) {
      person.add("sameAs", Json.createArrayBuilder().add(author.website()));
    }
    JsonObjectBuilder ld =
        Json.createObjectBuilder().add("@type", "ProfilePage").add("mainEntity", person);
    return listPage(title, description, url, "profile", absolute(author.avatarUrl()), ld);
  }

  /** The head of a page listing posts (a tag's, an author's). */
  private PageHead listPage(
      String title,
      String description,
      String url,
      String ogType,
      String image,
      JsonObjectBuilder ld) {
    return new PageHead(
        true,
        title,
        description,
        url,
        List.of(
            Meta.property("og:site_name", blogTitle),
            Meta.property("og:type", ogType),
            Meta.property("og:url", url),
            Meta.property("og:title", title),
            Meta.property("og:description", description),
            Meta.property("og:image", image),
            Meta.name("twitter:card", "summary"),
            Meta.name("twitter:title", title),
            Meta.name("twitter:description", description)),
        Json.createObjectBuilder()
            .add("@context", "https://schema.org")
            .addAll(ld)
            .add("url", url)
            .build()
            .toString());
  }

  private String absolute(String url) {
    return url != null && url.startsWith("/") ? base() + url : url;
  }
}
