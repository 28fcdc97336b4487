package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.DeliveryStatus;
import dev.jotter.authoring.domain.Webhook;
import dev.jotter.authoring.domain.WebhookDelivery;
import dev.jotter.authoring.domain.WebhookRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Webhooks and deliveries through JPA; the claims and outcomes as single native updates. */
@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public Webhook save(Webhook webhook) {
    if (webhook.getId() == null) {
      em.persist(webhook);
      em.flush();
      return webhook;
    }
    return em.merge(webhook);
  }

  @Override
  public Optional<Webhook> find(long id) {
    return Optional.ofNullable(em.find(Webhook.class, id));
  }

  @Override
  public List<Webhook> findAll() {
    return em.createNamedQuery("Webhook.findAll", Webhook.class).getResultList();
  }

  @Override
  public long count() {
    return em.createNamedQuery("Webhook.count", Long.class).getSingleResult();
  }

  @Override
  public void delete(Webhook webhook) {
    em.createNativeQuery("delete from webhook_delivery where webhook_id = ?")
        .setParameter(1, webhook.getId())
        .executeUpdate();
    em.remove(em.contains(webhook) ? webhook : em.merge(webhook));
  }

  @Override
  public List<Webhook> findActive() {
    return em.createNamedQuery("Webhook.findActive", Webhook.class).getResultList();
  }

  @Override
  public void lockForNewDeliveries() {
    em.createNativeQuery("select id from webhook_lock where id = 1 for update").getResultList();
  }

  @Override
  public boolean deliveryExists(long webhookId, long changeId) {
    return !em.createNativeQuery(
            "select id from webhook_delivery where webhook_id = ? and change_id = ?")
        .setParameter(1, webhookId)
        .setParameter(2, changeId)
        .getResultList()
        .isEmpty();
  }

  @Override
  public WebhookDelivery add(WebhookDelivery delivery) {
    em.persist(delivery);
    em.flush();
    return delivery;
  }

  @Override
  public Optional<WebhookDelivery> findDelivery(long id) {
    return Optional.ofNullable(em.find(WebhookDelivery.class, id));
  }

  @Override
  public List<WebhookDelivery> deliveries(long webhookId, long beforeId, int limit) {
    return em.createNamedQuery("WebhookDelivery.page", WebhookDelivery.class)
        .setParameter("webhook", webhookId)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<Long> due(OffsetDateTime now, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id"
                    + " where d.status = 'PENDING' and d.next_attempt_at <= ? and w.active = true"
                    + " and not exists (select 1 from webhook_delivery e"
                    + " where e.webhook_id = d.webhook_id and e.subject_key = d.subject_key"
                    + " and e.status in ('PENDING', 'SENDING')"
                    + " and (e.position < d.position or (e.position = d.position and e.id < d.id)))"
                    + " order by d.position, d.id")
            .setParameter(1, now)
            .setMaxResults(limit)
            .getResultList();
    return rows.stream().map(r -> ((Number) r).longValue()).toList();
  }

  @Override
  public boolean claim(long deliveryId, OffsetDateTime now, OffsetDateTime leaseUntil) {
    return em.createNativeQuery(
                "update webhook_delivery set status = 'SENDING', attempts = attempts + 1,"
                    + " last_attempt_at = ?, lease_until = ? where id = ? and status = 'PENDING'")
            .setParameter(1, now)
            .setParameter(2, leaseUntil)
            .setParameter(3, deliveryId)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean anyWaiting() {
    return !em.createNativeQuery(
            "select d.id from webhook_delivery d join webhook w on w.id = d.webhook_id"
                + " where d.status = 'SENDING' or (d.status = 'PENDING' and w.active = true)")
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public int releaseExpiredLeases(OffsetDateTime now) {
    return em.createNativeQuery(
            "update webhook_delivery set status = 'PENDING', lease_until = null,"
                + " error = 'The server sending it stopped before it knew the answer'"
                + " where status = 'SENDING' and lease_until < ?")
        .setParameter(1, now)
        .executeUpdate();
  }

  @Override
  public void recordAttempt(
      long deliveryId,
      DeliveryStatus status,
      Integer responseCode,
      int durationMs,
      String error,
      OffsetDateTime nextAttemptAt) {
    // nulls are written as literals: PostgreSQL cannot type a bound null for an integer column
    List<Object> values = new ArrayList<>();
    StringBuilder sql = new StringBuilder("update webhook_delivery set status = ?");
    values.add(status.name());
    sql.append(", response_code = ").append(responseCode == null ? "null" : "?");
    if (responseCode != null) {
      values.add(responseCode);
    }
    sql.append(", duration_ms = ?");
    values.add(durationMs);
    sql.append(", error = ").append(error == null ? "null" : "?");
    if (error != null) {
      values.add(error.length() <= 1000 ? error : error.substring(0, 1000));
    }
    if (nextAttemptAt != null) {
      sql.append(", next_attempt_at = ?");
      values.add(nextAttemptAt);
    }
    sql.append(", lease_until = null where id = ?");
    values.add(deliveryId);
    Query update = em.createNativeQuery(sql.toString());
    for (int i = 0; i < values.size(); i++) {
      update.setParameter(i + 1, values.get(i));
    }
    update.executeUpdate();
  }

  @Override
  public void clearFailures(long webhookId) {
    em.createNativeQuery(
            "update webhook set consecutive_failures = 0 where id = ? and consecutive_failures <> 0")
        .setParameter(1, webhookId)
        .executeUpdate();
  }

  @Override
  public int addFailure(long webhookId) {
    em.createNativeQuery(
            "update webhook set consecutive_failures = consecutive_failures + 1 where id = ?")
        .setParameter(1, webhookId)
        .executeUpdate();
    List<?> rows =
        em.createNativeQuery("select consecutive_failures from webhook where id = ?")
            .setParameter(1, webhookId)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
  }

  @Override
  public boolean deactivate(long webhookId, String reason, OffsetDateTime now) {
    return em.createNativeQuery(
                "update webhook set active = false, disabled_reason = ?, updated_at = ?"
                    + " where id = ? and active = true")
            .setParameter(1, reason.length() <= 500 ? reason : reason.substring(0, 500))
            .setParameter(2, now)
            .setParameter(3, webhookId)
            .executeUpdate()
        == 1;
  }

  @Override
  public int pruneFinished(OffsetDateTime before) {
    return em.createNativeQuery(
            "delete from webhook_delivery where status in ('SUCCEEDED', 'FAILED')"
                + " and created_at < ?")
        .setParameter(1, before)
        .executeUpdate();
  }
}
