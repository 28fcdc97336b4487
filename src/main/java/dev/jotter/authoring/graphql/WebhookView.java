package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.WebhookEvent;
import dev.jotter.authoring.internal.WebhookSummary;
import dev.jotter.platform.graphql.ListSize;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A webhook as administrators see it: never its secret. */
@Name("Webhook")
@Description(
    "Where the blog's events are sent (a signed JSON POST per event): an administrator's"
        + " subscription.")
public class WebhookView {

  private final WebhookSummary w;

  WebhookView(WebhookSummary webhook) {
    this.w = webhook;
  }

  @Id
  @NonNull
  public String getId() {
    return Long.toString(w.id());
  }

  @NonNull
  public String getName() {
    return w.name();
  }

  @NonNull
  @Description("The http(s) address the events are POSTed to.")
  public String getUrl() {
    return w.url();
  }

  @NonNull
  @Description("The events it is told of.")
  @ListSize(assumedSize = 16)
  public List<@NonNull WebhookEvent> getEvents() {
    return w.events();
  }

  @Description(
      "Whether events are sent. It stops by itself when its target answers 410 Gone or too many"
          + " attempts fail in a row (see disabledReason).")
  public boolean isActive() {
    return w.active();
  }

  @Description("Failed attempts since the last successful one.")
  public int getConsecutiveFailures() {
    return w.consecutiveFailures();
  }

  @Description("Why it stopped by itself; null when it is active or an administrator stopped it.")
  public String getDisabledReason() {
    return w.disabledReason();
  }

  @NonNull
  public OffsetDateTime getCreatedAt() {
    return w.createdAt();
  }

  @NonNull
  public OffsetDateTime getUpdatedAt() {
    return w.updatedAt();
  }
}
