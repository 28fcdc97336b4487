package dev.jotter.discovery.web;

import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.TagCatalog;
import dev.jotter.content.api.TagView;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code /sitemap.xml}: the home page, every published post, public tag and author. */
@WebServlet(name = "Sitemap", urlPatterns = "/sitemap.xml")
public class SitemapServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  @Inject transient PostCatalog posts;
  @Inject transient TagCatalog tags;
  @Inject transient AuthorCatalog authors;

  @Inject
  @ConfigProperty(name = "jotter.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Feeds feeds = new Feeds(publicUrl);
    List<PostView> all = posts.findAllPublished();
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("urlset");
      xml.writeDefaultNamespace(NS);
      url(xml, feeds.base() + "/", all.isEmpty() ? null : Feeds.lastModified(all));
      for (PostView post : all) {
        url(xml, feeds.postUrl(post), post.updatedAt());
      }
      for (TagView tag : tags.findAllPublic()) {
        url(xml, feeds.base() + "/tag/" + tag.slug(), null);
      }
      for (AuthorView author : authors.findAll()) {
        url(xml, feeds.base() + "/author/" + author.slug(), null);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
      FeedServlet.Conditional.respond(
          req,
          res,
          "application/xml;charset=utf-8",
          out.toString(),
          all.isEmpty() ? null : Feeds.lastModified(all));
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write the sitemap", e);
    }
  }

  private static void url(XMLStreamWriter xml, String loc, OffsetDateTime modified)
      throws XMLStreamException {
    xml.writeStartElement("url");
    xml.writeStartElement("loc");
    xml.writeCharacters(loc);
    xml.writeEndElement();
    if (modified != null) {
      xml.writeStartElement("lastmod");
      xml.writeCharacters(Feeds.iso(modified));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }
}
