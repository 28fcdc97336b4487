package dev.jotter.content.web;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.BlogSettings;
import dev.jotter.content.api.BlogSettingsCatalog;
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

/**
 * The heads of the home page (the blog's settings), {@code /p/{slug}} (a published post, found by
 * an earlier slug too; its canonical address is the current one), {@code /tag/{slug}} (a public
 * tag) and {@code /author/{slug}} (an author with published posts); anything else there is not
 * found. A preview page ({@code /preview/{token}}) is kept out of search engines, and its address
 * out of Referer headers.
 */
@ApplicationScoped
public class ContentPageHeads implements PageHeads {

  private static final Pattern PATH = Pattern.compile("/(p|tag|author)/([^/]+)");

  @Inject PostCatalog posts;
  @Inject TagCatalog tags;
  @Inject AuthorCatalog authors;

  @Inject BlogSettingsCatalog blog;

  @Override
  public Optional<PageHead> head(String path) {
    BlogSettings site = blog.current();
    return head(path, site).map(h -> h.onSite(site.title(), site.locale()));
  }

  private Optional<PageHead> head(String path, BlogSettings site) {
    if (path.equals("/")) {
      return Optional.of(home(site));
    }
    if (path.startsWith("/preview/")) {
      // a draft shown through a link: the app reads it; search engines must not keep it
      return Optional.of(
          new PageHead(
              true,
              "Preview — " + site.title(),
              null,
              null,
              List.of(
                  Meta.name("robots", "noindex, nofollow"), Meta.name("referrer", "no-referrer")),
              null,
              null,
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
          case "p" -> posts.findPublishedBySlug(slug).map(p -> post(p, site));
          case "tag" -> tags.findPublicBySlug(slug).map(t -> tag(t, site));
          default -> authors.findWriterBySlug(slug).map(a -> author(a, site));
        };
    return Optional.of(head.orElse(PageHead.NOT_FOUND));
  }

  /** The home page: the blog itself, as a schema.org WebSite. */
  PageHead home(BlogSettings site) {
    String url = site.url() + "/";
    JsonObjectBuilder ld =
        JSON.createObjectBuilder()
            .add("@type", "WebSite")
            .add("name", site.title())
            .add("inLanguage", site.locale());
    if (site.description() != null) {
      ld.add("description", site.description());
    }
    return listPage(
        site.title(),
        site.description(),
        url,
        "website",
        absolute(site, site.coverImage()),
        ld,
        site);
  }

  PageHead post(PostView post, BlogSettings site) {
    PostSeo seo = post.seo().orDefaults(post, site.url());
    String published = post.publishedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    String modified = post.updatedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    List<Meta> meta = new ArrayList<>();
    meta.add(Meta.property("og:site_name", site.title()));
    meta.add(Meta.property("og:locale", openGraphLocale(site.locale())));
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
    JsonArrayBuilder people = JSON.createArrayBuilder();
    for (AuthorView a : post.authors()) {
      people.add(
          JSON.createObjectBuilder()
              .add("@type", "Person")
              .add("name", a.name())
              .add("url", site.url() + "/author/" + a.slug()));
    }
    JsonObjectBuilder ld =
        JSON.createObjectBuilder()
            .add("@context", "https://schema.org")
            .add("@type", "BlogPosting")
            .add("headline", post.title())
            .add("description", seo.metaDescription())
            .add("url", site.url() + "/p/" + post.slug())
            .add("mainEntityOfPage", seo.canonicalUrl())
            .add("datePublished", published)
            .add("dateModified", modified)
            .add("author", people)
            .add("publisher", publisher(site))
            .add("inLanguage", site.locale())
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
        ld.build().toString(),
        null,
        null);
  }

  /** The blog as a schema.org Organization, with its logo when it has one. */
  private JsonObjectBuilder publisher(BlogSettings site) {
    JsonObjectBuilder publisher =
        JSON.createObjectBuilder().add("@type", "Organization").add("name", site.title());
    if (site.logo() != null) {
      publisher.add(
          "logo",
          JSON.createObjectBuilder()
              .add("@type", "ImageObject")
              .add("url", absolute(site, site.logo())));
    }
    return publisher;
  }

  /** Open Graph writes {@code en_GB} for the language tag {@code en-GB}. */
  static String openGraphLocale(String tag) {
    String[] parts = tag.split("-");
    return parts.length > 1 && parts[parts.length - 1].length() == 2
        ? parts[0] + "_" + parts[parts.length - 1].toUpperCase(java.util.Locale.ROOT)
        : parts[0];
  }

  PageHead tag(TagView tag, BlogSettings site) {
    String url = site.url() + "/tag/" + tag.slug();
    String description =
        tag.description() == null || tag.description().isBlank()
            ? "Posts about " + tag.name() + " on " + site.title() + "."
            : tag.description();
    String title = tag.name() + " — " + site.title();
    JsonObjectBuilder ld =
        JSON.createObjectBuilder()
            .add("@type", "CollectionPage")
            .add("name", title)
            .add("description", description);
    return listPage(title, description, url, "website", null, ld, site);
  }

  PageHead author(AuthorView author, BlogSettings site) {
    String url = site.url() + "/author/" + author.slug();
    String description =
        author.bio() == null || author.bio().isBlank()
            ? "Posts by " + author.name() + " on " + site.title() + "."
            : author.bio();
    String title = author.name() + " — " + site.title();
    JsonObjectBuilder person =
        JSON.createObjectBuilder()
            .add("@type", "Person")
            .add("name", author.name())
            .add("url", url);
    if (author.website() != null && !author.website().isBlank()) {
      person.add("sameAs", JSON.createArrayBuilder().add(author.website()));
    }
    JsonObjectBuilder ld =
        JSON.createObjectBuilder().add("@type", "ProfilePage").add("mainEntity", person);
    return listPage(
        title, description, url, "profile", absolute(site, author.avatarUrl()), ld, site);
  }

  /** The head of a page listing posts (a tag's, an author's). */
  private PageHead listPage(
      String title,
      String description,
      String url,
      String ogType,
      String image,
      JsonObjectBuilder ld,
      BlogSettings site) {
    return new PageHead(
        true,
        title,
        description,
        url,
        List.of(
            Meta.property("og:site_name", site.title()),
            Meta.property("og:locale", openGraphLocale(site.locale())),
            Meta.property("og:type", ogType),
            Meta.property("og:url", url),
            Meta.property("og:title", title),
            Meta.property("og:description", description),
            Meta.property("og:image", image),
            Meta.name("twitter:card", "summary"),
            Meta.name("twitter:title", title),
            Meta.name("twitter:description", description)),
        JSON.createObjectBuilder()
            .add("@context", "https://schema.org")
            .addAll(ld)
            .add("url", url)
            .build()
            .toString(),
        null,
        null);
  }

  private static String absolute(BlogSettings site, String url) {
    return url != null && url.startsWith("/") ? site.url() + url : url;
  }
}
