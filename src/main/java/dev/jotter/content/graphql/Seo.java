package dev.jotter.content.graphql;

import dev.jotter.content.api.PostSeo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A post's tags for search engines and link previews, every default filled in. */
@Type("Seo")
@Description(
    "What a post tells search engines and link previews, for a page's <head>: each field is what"
        + " the author set, else a default.")
public class Seo {

  private final PostSeo seo;

  Seo(PostSeo seo) {
    this.seo = seo;
  }

  @NonNull
  @Description("<title>: the meta title, else the post's title.")
  public String getMetaTitle() {
    return seo.metaTitle();
  }

  @NonNull
  @Description("<meta name=\"description\">: the meta description, else the excerpt.")
  public String getMetaDescription() {
    return seo.metaDescription();
  }

  @NonNull
  @Description("<link rel=\"canonical\">: the canonical URL set, else the post's own address.")
  public String getCanonicalUrl() {
    return seo.canonicalUrl();
  }

  @NonNull
  @Description("og:title: else the meta title.")
  public String getOgTitle() {
    return seo.ogTitle();
  }

  @NonNull
  @Description("og:description: else the meta description.")
  public String getOgDescription() {
    return seo.ogDescription();
  }

  @Description("og:image, absolute: else the feature image; null when there is neither.")
  public String getOgImage() {
    return seo.ogImage();
  }

  @NonNull
  @Description("twitter:title: else og:title.")
  public String getTwitterTitle() {
    return seo.twitterTitle();
  }

  @NonNull
  @Description("twitter:description: else og:description.")
  public String getTwitterDescription() {
    return seo.twitterDescription();
  }

  @Description("twitter:image, absolute: else og:image.")
  public String getTwitterImage() {
    return seo.twitterImage();
  }
}
