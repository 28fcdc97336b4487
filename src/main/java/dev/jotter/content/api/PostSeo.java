package dev.jotter.content.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/**
 * What a post tells search engines and link previews, as its author set it: each field null when
 * not set, so that {@link #orDefaults} can derive it (from the title, the excerpt, the feature
 * image and the post's address). In a {@link PostDraft} for a change, a null field is left as it is
 * and "" clears it.
 */
@Type("SeoSettings")
@Description(
    "A post's SEO fields as its author set them; null where not set (Post.seo derives those).")
public record PostSeo(
    String metaTitle,
    String metaDescription,
    String canonicalUrl,
    String ogTitle,
    String ogDescription,
    String ogImage,
    String twitterTitle,
    String twitterDescription,
    String twitterImage) {

  public static final PostSeo NONE =
      new PostSeo(null, null, null, null, null, null, null, null, null);

  /** The most characters of a meta title (Ghost's limit). */
  public static final int MAX_TITLE = 300;

  /** The most characters of a description. */
  public static final int MAX_DESCRIPTION = 500;

  /**
   * Every field filled: what is set, else the sensible default. The meta title is the post's title,
   * the description its excerpt, the canonical URL its own address; Open Graph falls back to those
   * and to the feature image, and Twitter to Open Graph. Site-relative image paths become absolute,
   * as link previews need.
   *
   * @param publicUrl the blog's address ({@code jotter.public-url}), without a trailing slash
   */
  public PostSeo orDefaults(PostView post, String publicUrl) {
    String title = or(metaTitle, post.title());
    String description = or(metaDescription, post.excerpt());
    String canonical = publicUrl + "/p/" + post.slug();
    String image = post.featureImage() == null ? null : post.featureImage().url();
    String og = or(ogTitle, title);
    String ogText = or(ogDescription, description);
    String ogPicture = absolute(or(ogImage, image), publicUrl);
    return new PostSeo(
        title,
        description,
        or(canonicalUrl, canonical),
        og,
        ogText,
        ogPicture,
        or(twitterTitle, og),
        or(twitterDescription, ogText),
        absolute(or(twitterImage, ogPicture), publicUrl));
  }

  private static String absolute(String url, String publicUrl) {
    return url != null && url.startsWith("/") ? publicUrl + url : url;
  }

  /** This with the fields {@code change} sets (non-null) replacing its own; "" clears a field. */
  public PostSeo with(PostSeo change) {
    if (change == null) {
      return this;
    }
    return new PostSeo(
        pick(change.metaTitle, metaTitle),
        pick(change.metaDescription, metaDescription),
        pick(change.canonicalUrl, canonicalUrl),
        pick(change.ogTitle, ogTitle),
        pick(change.ogDescription, ogDescription),
        pick(change.ogImage, ogImage),
        pick(change.twitterTitle, twitterTitle),
        pick(change.twitterDescription, twitterDescription),
        pick(change.twitterImage, twitterImage));
  }

  private static String or(String set, String fallback) {
    return set == null || set.isBlank() ? fallback : set;
  }

  private static String pick(String change, String current) {
    if (change == null) {
      return current;
    }
    return change.isBlank() ? null : change;
  }
}
