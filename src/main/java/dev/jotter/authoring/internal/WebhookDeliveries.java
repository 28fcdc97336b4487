package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.DeliveryStatus;
import dev.jotter.authoring.domain.Webhook;
import dev.jotter.authoring.domain.WebhookDelivery;
import dev.jotter.authoring.domain.WebhookEvent;
import dev.jotter.authoring.domain.WebhookRepository;
import dev.jotter.authoring.domain.WebhookRetries;
import dev.jotter.platform.changes.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The deliveries' life in the database, each step its own transaction: made from changes of the
 * log, claimed by one server, their outcome recorded (and what it means for the webhook).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class WebhookDeliveries {

  /** A claimed delivery with what sending it needs. */
  public record Claimed(
      long id,
      long webhookId,
      String url,
      String secret,
      WebhookEvent event,
      String payload,
      int attempt,
      OffsetDateTime createdAt) {}

  @Inject WebhookRepository repository;
  @Inject WebhookPayloads payloads;

  /**
   * Makes a delivery of each change to each active webhook that wants it and did not have it yet
   * (another server may have made it); how many deliveries these changes have, made here or there.
   */
  public int makeFrom(List<Change> changes) {
    List<Webhook> active = repository.findActive();
    if (active.isEmpty()) {
      return 0;
    }
    boolean locked = false;
    int made = 0;
    OffsetDateTime now = Clock.now();
    for (Change change : changes) {
      Optional<WebhookEvent> event = WebhookEvent.ofChange(change.kind());
      if (event.isEmpty()) {
        continue;
      }
      String body = null;
      for (Webhook webhook : active) {
        if (!webhook.wants(event.get()) || change.id() <= webhook.getSinceChangeId()) {
          continue;
        }
        if (!locked) {
          repository.lockForNewDeliveries();
          locked = true;
        }
        made++;
        if (repository.deliveryExists(webhook.getId(), change.id())) {
          continue;
        }
        if (body == null) {
          body = payloads.body(event.get(), change);
        }
        repository.add(
            new WebhookDelivery(
                webhook.getId(),
                change.id(),
                null,
                change.id(),
                event.get(),
                WebhookPayloads.subjectKey(event.get(), change),
                body,
                now));
      }
    }
    return made;
  }

  /** Whether any delivery waits to be sent (pending for an active webhook, or sending). */
  public boolean anyWaiting() {
    return repository.anyWaiting();
  }

  /** Frees deliveries of stopped servers, then claims up to {@code limit} due ones. */
  public List<Claimed> claimDue(int limit, long leaseMillis) {
    OffsetDateTime now = Clock.now();
    repository.releaseExpiredLeases(now);
    if (limit <= 0) {
      return List.of();
    }
    OffsetDateTime leaseUntil = now.plusNanos(leaseMillis * 1_000_000);
    return repository.due(now, limit).stream()
        .filter(id -> repository.claim(id, now, leaseUntil))
        .map(id -> claimed(id))
        .flatMap(Optional::stream)
        .toList();
  }

  private Optional<Claimed> claimed(long id) {
    return repository
        .findDelivery(id)
        .flatMap(
            d ->
                repository
                    .find(d.getWebhookId())
                    .map(
                        w ->
                            new Claimed(
                                id,
                                w.getId(),
                                w.getTargetUrl(),
                                w.getSecret(),
                                d.getEvent(),
                                d.getPayload(),
                                d.getAttempts(),
                                d.getCreatedAt())));
  }

  /** The target answered 2xx. */
  public void succeeded(Claimed delivery, int status, int millis) {
    repository.recordAttempt(delivery.id(), DeliveryStatus.SUCCEEDED, status, millis, null, null);
    repository.clearFailures(delivery.webhookId());
  }

  /** The target answered 410 Gone: it wants no more, so the webhook stops. */
  public void gone(Claimed delivery, int millis) {
    repository.recordAttempt(
        delivery.id(),
        DeliveryStatus.FAILED,
        410,
        millis,
        "The target answered 410 Gone; the webhook was deactivated",
        null);
    repository.deactivate(
        delivery.webhookId(), "Its target answered 410 Gone at " + Clock.now() + ".", Clock.now());
  }

  /**
   * The attempt failed ({@code status} null when no answer came): tried again on the schedule, or
   * failed when its window is over; the webhook stops after {@code maxFailures} in a row.
   */
  public void failed(
      Claimed delivery,
      Integer status,
      int millis,
      String error,
      WebhookRetries retries,
      int maxFailures) {
    OffsetDateTime now = Clock.now();
    Optional<OffsetDateTime> next = retries.next(delivery.attempt(), delivery.createdAt(), now);
    if (next.isPresent()) {
      repository.recordAttempt(
          delivery.id(), DeliveryStatus.PENDING, status, millis, error, next.get());
    } else {
      repository.recordAttempt(
          delivery.id(),
          DeliveryStatus.FAILED,
          status,
          millis,
          error + " (given up after " + delivery.attempt() + " attempts)",
          null);
    }
    int run = repository.addFailure(delivery.webhookId());
    if (run >= maxFailures) {
      repository.deactivate(
          delivery.webhookId(), run + " attempts failed in a row; the last: " + error + ".", now);
    }
  }

  /** Deletes finished deliveries made before {@code before}. */
  public int prune(OffsetDateTime before) {
    return repository.pruneFinished(before);
  }
}
