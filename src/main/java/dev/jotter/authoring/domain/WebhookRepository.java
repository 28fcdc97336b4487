package dev.jotter.authoring.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Webhooks and their deliveries. Claims and results are single conditional updates. */
public interface WebhookRepository {

  Webhook save(Webhook webhook);

  Optional<Webhook> find(long id);

  List<Webhook> findAll();

  long count();

  void delete(Webhook webhook);

  /** The active webhooks (few: an installation has a handful). */
  List<Webhook> findActive();

  /**
   * Locks the row every server's change-log follower takes before making deliveries, until the
   * transaction ends: they make them one at a time, so a change is made into a delivery once.
   */
  void lockForNewDeliveries();

  boolean deliveryExists(long webhookId, long changeId);

  WebhookDelivery add(WebhookDelivery delivery);

  Optional<WebhookDelivery> findDelivery(long id);

  /** A webhook's deliveries with ids below {@code beforeId}, newest first. */
  List<WebhookDelivery> deliveries(long webhookId, long beforeId, int limit);

  /**
   * Ids of pending deliveries due at {@code now}, of active webhooks, that no earlier delivery
   * about the same subject to the same webhook is waiting before; oldest first.
   */
  List<Long> due(OffsetDateTime now, int limit);

  /**
   * Takes a pending delivery for sending, until {@code leaseUntil}, counting the attempt; false
   * when another server took it first.
   */
  boolean claim(long deliveryId, OffsetDateTime now, OffsetDateTime leaseUntil);

  /** Whether any delivery of an active webhook is pending, or any is being sent. */
  boolean anyWaiting();

  /** Deliveries left sending by a server that stopped: pending again. How many. */
  int releaseExpiredLeases(OffsetDateTime now);

  /** Records an attempt's outcome: its status, and when to try again (for pending). */
  void recordAttempt(
      long deliveryId,
      DeliveryStatus status,
      Integer responseCode,
      int durationMs,
      String error,
      OffsetDateTime nextAttemptAt);

  /** A successful delivery clears the webhook's run of failures. */
  void clearFailures(long webhookId);

  /** Counts a failed attempt to the webhook; the run of failures it makes. */
  int addFailure(long webhookId);

  /** Stops an active webhook, with the reason; false when it was already inactive. */
  boolean deactivate(long webhookId, String reason, OffsetDateTime now);

  /** Deletes finished deliveries made before {@code before}; how many. */
  int pruneFinished(OffsetDateTime before);
}
