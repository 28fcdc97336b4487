package dev.jotter.discovery.web;

import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.BlogSettings;
import dev.jotter.content.api.BlogSettingsCatalog;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostFilter;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.PublishedState;
import dev.jotter.content.api.TagCatalog;
import dev.jotter.content.api.TagView;
import dev.jotter.discovery.web.Feeds.Channel;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The blog's feeds, also per tag and per author: {@code /rss.xml} (RSS 2.0), {@code /atom.xml}
 * (Atom 1.0), {@code /feed.json} (JSON Feed 1.1), and {@code /tag/{slug}/rss.xml} etc.; and the
 * sitemap: {@code /sitemap.xml} is an index of {@code /sitemaps/pages.xml} (home, public tags,
 * authors) and {@code /sitemaps/posts-N.xml}, each of at most {@code jotter.sitemap.max-urls}
 * (50,000, the protocol's limit) published posts, oldest first, written as they are read. The
 * newest {@value #ITEMS} published posts with full HTML; {@code ETag} and {@code Last-Modified},
 * and 304 for a conditional request whose copy is current.
 */
@WebServlet(
    name = "Feeds",
    urlPatterns = {
      "/rss.xml",
      "/atom.xml",
      "/feed.json",
      "/sitemap.xml",
      "/sitemaps/*",
      "/tag/*",
      "/author/*"
    })
public class FeedServlet extends HttpServlet {

  static final int ITEMS = 20;
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(FeedServlet.class.getName());
  private static final Pattern SITEMAP =
      Pattern.compile("/sitemaps/(?:(pages)|posts-([1-9][0-9]{0,8}))\\.xml");
  private static final String XML = "application/xml;charset=utf-8";
  private static final Pattern PATH =
      Pattern.compile("(?:/(tag|author)/([a-z0-9-]{1,80}))?/(rss\\.xml|atom\\.xml|feed\\.json)");

  @Inject transient PostCatalog posts;
  @Inject transient TagCatalog tags;
  @Inject transient AuthorCatalog authors;

  @Inject
  @ConfigProperty(name = "jotter.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "jotter.sitemap.max-urls", defaultValue = "50000")
  int sitemapMaxUrls;

  @Inject transient BlogSettingsCatalog blog;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    if (path.equals("/sitemap.xml")) {
      sitemapIndex(req, res);
      return;
    }
    Matcher sitemap = SITEMAP.matcher(path);
    if (sitemap.matches()) {
      if (sitemap.group(1) != null) {
        pagesSitemap(req, res);
      } else {
        postsSitemap(req, res, Long.parseLong(sitemap.group(2)));
      }
      return;
    }
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      notFound(res);
      return;
    }
    Feeds feeds = new Feeds(publicUrl);
    Optional<Selection> selection = select(feeds, m.group(1), m.group(2), m.group(3));
    if (selection.isEmpty()) {
      notFound(res);
      return;
    }
    List<PostView> items =
        posts
            .findPublished(selection.get().filter(), PostOrder.PUBLISHED_AT_DESC, null, ITEMS)
            .posts();
    String format = m.group(3);
    String body;
    try {
      body =
          switch (format) {
            case "rss.xml" -> feeds.rss(selection.get().channel(), items);
            case "atom.xml" -> feeds.atom(selection.get().channel(), items);
            default -> feeds.jsonFeed(selection.get().channel(), items);
          };
    } catch (XMLStreamException e) {
      LOG.log(Level.SEVERE, "Cannot write the feed " + path, e);
      res.sendError(500);
      return;
    }
    String contentType =
        switch (format) {
          case "rss.xml" -> "application/rss+xml;charset=utf-8";
          case "atom.xml" -> "application/atom+xml;charset=utf-8";
          default -> "application/feed+json;charset=utf-8";
        };
    OffsetDateTime modified = items.isEmpty() ? null : Feeds.lastModified(items);
    Conditional.respond(req, res, contentType, body, modified);
  }

  /** Posts per sitemap file: the configured number, within the protocol's 1–50,000. */
  private int postsPerFile() {
    return Math.max(1, Math.min(50_000, sitemapMaxUrls));
  }

  /**
   * The sitemap index. Its ETag, like the sitemaps', comes from what they list (how many posts,
   * their newest change), read in one query, so a conditional request is answered 304 before
   * anything is built; building reads addresses and dates, never bodies.
   */
  private void sitemapIndex(HttpServletRequest req, HttpServletResponse res) throws IOException {
    PublishedState state = posts.publishedState();
    String etag = etag("index|" + publicUrl + "|" + state + "|" + postsPerFile());
    respondXml(
        req,
        res,
        etag,
        state.lastModified(),
        out ->
            new Feeds(publicUrl)
                .sitemapIndex(out, state.count(), postsPerFile(), state.lastModified()));
  }

  private void pagesSitemap(HttpServletRequest req, HttpServletResponse res) throws IOException {
    PublishedState state = posts.publishedState();
    List<TagView> tagList = tags.findAllPublic();
    List<AuthorView> writers = authors.findAllWriters();
    String etag =
        etag(
            "pages|"
                + publicUrl
                + "|"
                + state
                + "|"
                + tagList.stream().map(TagView::slug).toList()
                + "|"
                + writers.stream().map(AuthorView::slug).toList());
    respondXml(
        req,
        res,
        etag,
        state.lastModified(),
        out -> new Feeds(publicUrl).pagesSitemap(out, state.lastModified(), tagList, writers));
  }

  private void postsSitemap(HttpServletRequest req, HttpServletResponse res, long file)
      throws IOException {
    PublishedState state = posts.publishedState();
    int perFile = postsPerFile();
    if (file > Feeds.files(state.count(), perFile)) {
      notFound(res);
      return;
    }
    String etag = etag("posts|" + publicUrl + "|" + state + "|" + perFile + "|" + file);
    respondXml(
        req,
        res,
        etag,
        state.lastModified(),
        out ->
            new Feeds(publicUrl)
                .postsSitemap(out, posts.findPublishedLinks((file - 1) * perFile, perFile)));
  }

  private static String etag(String what) {
    return Conditional.etag(what.getBytes(StandardCharsets.UTF_8));
  }

  private interface XmlWriting {
    void to(java.io.OutputStream out) throws IOException, XMLStreamException;
  }

  /**
   * Answers 304 when the client's copy is current; otherwise writes the XML straight to the
   * response, as it is made.
   */
  private static void respondXml(
      HttpServletRequest req,
      HttpServletResponse res,
      String etag,
      OffsetDateTime modified,
      XmlWriting writing)
      throws IOException {
    if (Conditional.notModified(req, res, etag, modified)) {
      return;
    }
    res.setContentType(XML);
    try {
      writing.to(res.getOutputStream());
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write the sitemap", e);
    }
  }

  private record Selection(PostFilter filter, Channel channel) {}

  private Optional<Selection> select(Feeds feeds, String kind, String slug, String format) {
    String base = feeds.base();
    BlogSettings site = blog.current();
    String blogTitle = site.title();
    String language = site.locale();
    String image = feeds.absoluteUrl(site.icon() != null ? site.icon() : site.logo());
    if (kind == null) {
      return Optional.of(
          new Selection(
              PostFilter.NONE,
              new Channel(
                  blogTitle,
                  site.description(),
                  base + "/",
                  base + "/" + format,
                  language,
                  image)));
    }
    String feedUrl = base + "/" + kind + "/" + slug + "/" + format;
    if (kind.equals("tag")) {
      return tags.findPublicBySlug(slug)
          .map(
              (TagView t) ->
                  new Selection(
                      new PostFilter(slug, null),
                      new Channel(
                          t.name() + " — " + blogTitle,
                          t.description() == null ? "Posts tagged " + t.name() : t.description(),
                          base + "/tag/" + slug,
                          feedUrl,
                          language,
                          image)));
    }
    return authors
        .findWriterBySlug(slug)
        .map(
            (AuthorView a) ->
                new Selection(
                    new PostFilter(null, slug),
                    new Channel(
                        a.name() + " — " + blogTitle,
                        a.bio() == null ? "Posts by " + a.name() : a.bio(),
                        base + "/author/" + slug,
                        feedUrl,
                        language,
                        image)));
  }

  private static void notFound(HttpServletResponse res) throws IOException {
    res.setStatus(404);
    res.setContentType("text/plain;charset=utf-8");
    res.getWriter().write("No such feed.\n");
  }

  /** ETag / Last-Modified handling shared by the feeds and the sitemap. */
  static final class Conditional {
    private Conditional() {}

    static void respond(
        HttpServletRequest req,
        HttpServletResponse res,
        String contentType,
        String body,
        OffsetDateTime modified)
        throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (!notModified(req, res, etag(bytes), modified)) {
        write(res, contentType, bytes);
      }
    }

    /** A strong ETag for these bytes. */
    static String etag(byte[] bytes) {
      return "\"" + sha256(bytes).substring(0, 32) + "\"";
    }

    /**
     * Sets the validators and answers 304 when the request's If-None-Match (else If-Modified-Since)
     * says the client has this version.
     *
     * @return whether 304 was answered
     */
    static boolean notModified(
        HttpServletRequest req, HttpServletResponse res, String etag, OffsetDateTime modified) {
      res.setHeader("ETag", etag);
      res.setHeader("Cache-Control", "public, max-age=300");
      long lastModified = modified == null ? -1 : modified.toInstant().toEpochMilli() / 1000 * 1000;
      if (lastModified > 0) {
        res.setDateHeader("Last-Modified", lastModified);
      }
      String ifNoneMatch = req.getHeader("If-None-Match");
      boolean notModified;
      if (ifNoneMatch != null) {
        notModified =
            ifNoneMatch.equals("*")
                || List.of(ifNoneMatch.split(",")).stream()
                    .map(String::strip)
                    .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                    .anyMatch(etag::equals);
      } else {
        long since = dateHeader(req, "If-Modified-Since");
        notModified = since > 0 && lastModified > 0 && lastModified <= since;
      }
      if (notModified) {
        res.setStatus(304);
      }
      return notModified;
    }

    static void write(HttpServletResponse res, String contentType, byte[] bytes)
        throws IOException {
      res.setContentType(contentType);
      res.setContentLength(bytes.length);
      res.getOutputStream().write(bytes);
    }

    private static long dateHeader(HttpServletRequest req, String name) {
      try {
        return req.getDateHeader(name);
      } catch (IllegalArgumentException e) {
        return -1;
      }
    }

    private static String sha256(byte[] bytes) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
