package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.DeliveryStatus;
import dev.jotter.authoring.domain.WebhookDelivery;
import dev.jotter.authoring.domain.WebhookEvent;
import java.time.OffsetDateTime;

/** A webhook delivery with its latest attempt, as the delivery log shows it. */
public record DeliveryLogLine(
    long id,
    long webhookId,
    WebhookEvent event,
    DeliveryStatus status,
    int attempt,
    Integer responseCode,
    Integer durationMs,
    String error,
    Long changeId,
    Long redeliveryOf,
    String payload,
    OffsetDateTime createdAt,
    OffsetDateTime lastAttemptAt,
    OffsetDateTime nextAttemptAt) {

  static DeliveryLogLine of(WebhookDelivery d) {
    return new DeliveryLogLine(
        d.getId(),
        d.getWebhookId(),
        d.getEvent(),
        d.getStatus(),
        d.getAttempts(),
        d.getResponseCode(),
        d.getDurationMs(),
        d.getError(),
        d.getChangeId(),
        d.getRedeliveryOf(),
        d.getPayload(),
        d.getCreatedAt(),
        d.getLastAttemptAt(),
        d.getStatus() == DeliveryStatus.PENDING ? d.getNextAttemptAt() : null);
  }
}
