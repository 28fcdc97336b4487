package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Webhook;
import dev.jotter.authoring.domain.WebhookEvent;
import java.time.OffsetDateTime;
import java.util.List;

/** A webhook as the service hands it out (never its secret): a copy, not the entity. */
public record WebhookSummary(
    long id,
    String name,
    String url,
    List<WebhookEvent> events,
    boolean active,
    int consecutiveFailures,
    String disabledReason,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  static WebhookSummary of(Webhook w) {
    return new WebhookSummary(
        w.getId(),
        w.getName(),
        w.getTargetUrl(),
        List.copyOf(w.getEvents()),
        w.isActive(),
        w.getConsecutiveFailures(),
        w.getDisabledReason(),
        w.getCreatedAt(),
        w.getUpdatedAt());
  }
}
