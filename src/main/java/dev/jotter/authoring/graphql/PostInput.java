package dev.jotter.authoring.graphql;

import dev.jotter.authoring.internal.PostAuthoring;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostDraft;
import dev.jotter.content.api.PostSeo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** What an author writes; for updatePost, a field left out (null) stays as it is. */
@Input("PostInput")
@Description(
    "What an author writes. In updatePost, fields left out stay as they are; send \"\" to clear"
        + " a text. createDraft needs a title.")
public class PostInput {

  @Size(min = 1, max = 255, message = "a title is 1 to 255 characters")
  @Pattern(regexp = "(?s).*\\S.*", message = "a title needs more than spaces")
  @Description("1 to 255 characters.")
  public String title;

  @Size(max = 300, message = "at most 300 characters")
  public String subtitle;

  @Description(
      "The body in Markdown (CommonMark with tables, strikethrough and autolinks); raw HTML is"
          + " dropped. At most jotter.authoring.max-markdown-bytes (1 MiB by default).")
  public String markdown;

  @Size(max = 500, message = "at most 500 characters")
  @Description("Shown in lists instead of the body's first lines.")
  public String customExcerpt;

  @Valid
  @Description("The image at the top; send an empty url to remove it.")
  public FeatureImageInput featureImage;

  @Size(max = 15, message = "a post can have at most 15 tags")
  @Description(
      "Tag slugs in order: the first public tag is the category. Tags must exist (createTag).")
  public List<@NonNull String> tags;

  @Description(
      "The address (/p/{slug}); made from the title when a draft is created. Renaming a"
          + " published post keeps its old slug working (previousSlugs).")
  public String slug;

  @Size(max = 10, message = "a post can have at most 10 authors")
  @Description(
      "Author slugs in order: the first is the primary author. Contributors and authors keep"
          + " themselves on the post and cannot change its primary author; editors set anyone.")
  public List<@NonNull String> authors;

  @Description("Whether frontends show it among the featured posts (posts(featured: true)).")
  public Boolean featured;

  @Valid
  @Description(
      "What it tells search engines and link previews; a field left out stays, \"\" clears it"
          + " (a cleared field is derived again: see Post.seo).")
  public SeoInput seo;

  /** The SEO input type. */
  @Input("SeoInput")
  public static class SeoInput {
    @Size(max = PostSeo.MAX_TITLE, message = "at most 300 characters")
    public String metaTitle;

    @Size(max = PostSeo.MAX_DESCRIPTION, message = "at most 500 characters")
    public String metaDescription;

    @Size(max = PostAuthoring.MAX_URL, message = "at most 2048 characters")
    @Pattern(regexp = "|" + PostAuthoring.CANONICAL_URL, message = "an absolute http(s) URL")
    @Description("An absolute http(s) URL: where search engines should send readers.")
    public String canonicalUrl;

    @Size(max = PostSeo.MAX_TITLE, message = "at most 300 characters")
    public String ogTitle;

    @Size(max = PostSeo.MAX_DESCRIPTION, message = "at most 500 characters")
    public String ogDescription;

    @Size(max = PostAuthoring.MAX_URL, message = "at most 2048 characters")
    @Pattern(
        regexp = PostAuthoring.IMAGE_URL,
        message = "an http(s) URL or a path on this site starting with /")
    public String ogImage;

    @Size(max = PostSeo.MAX_TITLE, message = "at most 300 characters")
    public String twitterTitle;

    @Size(max = PostSeo.MAX_DESCRIPTION, message = "at most 500 characters")
    public String twitterDescription;

    @Size(max = PostAuthoring.MAX_URL, message = "at most 2048 characters")
    @Pattern(
        regexp = PostAuthoring.IMAGE_URL,
        message = "an http(s) URL or a path on this site starting with /")
    public String twitterImage;

    PostSeo toSeo() {
      return new PostSeo(
          metaTitle,
          metaDescription,
          canonicalUrl,
          ogTitle,
          ogDescription,
          ogImage,
          twitterTitle,
          twitterDescription,
          twitterImage);
    }
  }

  /** The image input type. */
  @Input("FeatureImageInput")
  public static class FeatureImageInput {
    @Size(max = 2048, message = "at most 2048 characters")
    @Pattern(
        regexp = PostAuthoring.IMAGE_URL,
        message = "an http(s) URL or a path on this site starting with /")
    @Description("An http(s) URL, or a path on this site starting with /.")
    public String url;

    @Size(max = 500, message = "at most 500 characters")
    public String alt;
  }

  PostDraft toDraft() {
    FeatureImage image =
        featureImage == null ? null : new FeatureImage(featureImage.url, featureImage.alt);
    return new PostDraft(
        title,
        subtitle,
        markdown,
        customExcerpt,
        image,
        tags,
        slug,
        authors,
        featured,
        seo == null ? null : seo.toSeo());
  }
}
