package dev.jotter.content.graphql;

import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.ResponsiveImage;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A post's feature image as readers query it; sized when it is one of the blog's uploads. */
@Type("FeatureImage")
@Description(
    "The image shown at the top of a post and in link previews. width, height and srcset are"
        + " there when it is one of the blog's uploads (POST /images), null otherwise.")
public class FeatureImageView {

  private final FeatureImage image;
  private final ResponsiveImage sized;

  FeatureImageView(FeatureImage image, ResponsiveImage sized) {
    this.image = image;
    this.sized = sized;
  }

  @NonNull
  @Description("Absolute or site-relative URL of the image.")
  public String getUrl() {
    return image.url();
  }

  @Description("Alternative text for readers who cannot see the image.")
  public String getAlt() {
    return image.alt();
  }

  @Description("Width in pixels of the image at url, for the img element's width attribute.")
  public Integer getWidth() {
    return sized == null ? null : sized.width();
  }

  @Description("Height in pixels of the image at url, for the img element's height attribute.")
  public Integer getHeight() {
    return sized == null ? null : sized.height();
  }

  @Description(
      "Every stored width of the image, for the img element's srcset attribute"
          + " (\"/images/…-600w.jpg 600w, …\").")
  public String getSrcset() {
    return sized == null ? null : sized.srcset();
  }
}
