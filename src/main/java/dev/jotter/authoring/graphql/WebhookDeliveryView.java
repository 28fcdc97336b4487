package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.DeliveryStatus;
import dev.jotter.authoring.domain.WebhookEvent;
import dev.jotter.authoring.internal.DeliveryLogLine;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** One line of a webhook's delivery log. */
@Name("WebhookDelivery")
@Description(
    "One event sent (or being sent) to a webhook, with its latest attempt. The receiver sees its"
        + " id as the Jotter-Delivery header.")
public class WebhookDeliveryView {

  private final DeliveryLogLine d;

  WebhookDeliveryView(DeliveryLogLine delivery) {
    this.d = delivery;
  }

  @Id
  @NonNull
  public String getId() {
    return Long.toString(d.id());
  }

  @Id
  @NonNull
  public String getWebhookId() {
    return Long.toString(d.webhookId());
  }

  @NonNull
  public WebhookEvent getEvent() {
    return d.event();
  }

  @NonNull
  public DeliveryStatus getStatus() {
    return d.status();
  }

  @Description("Attempts made so far (1 after the first).")
  public int getAttempt() {
    return d.attempt();
  }

  @Description("The HTTP status of the latest answer; null when none came (or none yet).")
  public Integer getResponseCode() {
    return d.responseCode();
  }

  @Description("How long the latest attempt took, in milliseconds.")
  public Integer getDurationMs() {
    return d.durationMs();
  }

  @Description("Why the latest attempt failed; null after a success.")
  public String getError() {
    return d.error();
  }

  @Description("The change of the log it announces (also in the body as changeId).")
  @Id
  public String getChangeId() {
    return d.changeId() == null ? null : Long.toString(d.changeId());
  }

  @Description("For a redelivery: the delivery it sends again.")
  @Id
  public String getRedeliveryOf() {
    return d.redeliveryOf() == null ? null : Long.toString(d.redeliveryOf());
  }

  @NonNull
  @Description("The JSON body, as sent.")
  public String getPayload() {
    return d.payload();
  }

  @NonNull
  public OffsetDateTime getCreatedAt() {
    return d.createdAt();
  }

  @Description("When the latest attempt started.")
  public OffsetDateTime getLastAttemptAt() {
    return d.lastAttemptAt();
  }

  @Description("When it is tried next, while pending.")
  public OffsetDateTime getNextAttemptAt() {
    return d.nextAttemptAt();
  }
}
