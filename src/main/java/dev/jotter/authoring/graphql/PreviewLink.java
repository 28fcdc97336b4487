package dev.jotter.authoring.graphql;

import dev.jotter.authoring.internal.PreviewLinks;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A draft preview link made by createPreviewLink. */
@Name("PreviewLink")
@Description(
    "A signed link that shows one post, in any status, to whoever holds it, without signing in.")
public class PreviewLink {

  private final PreviewLinks.Link link;

  PreviewLink(PreviewLinks.Link link) {
    this.link = link;
  }

  @Description("For frontends: post(previewToken: token) answers the post while the link works.")
  public @NonNull String getToken() {
    return link.token();
  }

  @Description("The reader page that shows the preview (at jotter.public-url/preview/{token}).")
  public @NonNull String getUrl() {
    return link.url();
  }

  @Description("When the link stops working (revokePreviewLinks stops it sooner).")
  public @NonNull OffsetDateTime getExpiresAt() {
    return link.expiresAt();
  }
}
