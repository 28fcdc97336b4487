package dev.jotter.authoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One event on its way to one webhook, with its latest attempt: made from a change of the log (or
 * as a redelivery of an earlier one), its JSON body fixed when it was made, sent until the target
 * answers 2xx or its retries are over.
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(
    name = "WebhookDelivery.page",
    query =
        "select d from WebhookDelivery d where d.webhookId = :webhook and d.id < :before"
            + " order by d.id desc")
public class WebhookDelivery {

  @Id
  @SequenceGenerator(
      name = "webhook_delivery_seq",
      sequenceName = "webhook_delivery_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
  private Long id;

  @Column(name = "webhook_id", nullable = false)
  private long webhookId;

  @Column(name = "change_id")
  private Long changeId;

  @Column(name = "redelivery_of")
  private Long redeliveryOf;

  @Column(nullable = false)
  private long position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private WebhookEvent event;

  @Column(name = "subject_key", nullable = false)
  private String subjectKey;

  @Column(nullable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeliveryStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private OffsetDateTime nextAttemptAt;

  @Column(name = "lease_until")
  private OffsetDateTime leaseUntil;

  @Column(name = "response_code")
  private Integer responseCode;

  @Column(name = "duration_ms")
  private Integer durationMs;

  @Column private String error;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_attempt_at")
  private OffsetDateTime lastAttemptAt;

  protected WebhookDelivery() {}

  /**
   * A delivery of a change ({@code changeId}) or a redelivery ({@code redeliveryOf}), sent after
   * the deliveries about the same subject with a lower {@code position}.
   */
  public WebhookDelivery(
      long webhookId,
      Long changeId,
      Long redeliveryOf,
      long position,
      WebhookEvent event,
      String subjectKey,
      String payload,
      OffsetDateTime now) {
    this.webhookId = webhookId;
    this.changeId = changeId;
    this.redeliveryOf = redeliveryOf;
    this.position = position;
    this.event = event;
    this.subjectKey = subjectKey;
    this.payload = payload;
    this.status = DeliveryStatus.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public long getWebhookId() {
    return webhookId;
  }

  public Long getChangeId() {
    return changeId;
  }

  public Long getRedeliveryOf() {
    return redeliveryOf;
  }

  public long getPosition() {
    return position;
  }

  public WebhookEvent getEvent() {
    return event;
  }

  public String getSubjectKey() {
    return subjectKey;
  }

  public String getPayload() {
    return payload;
  }

  public DeliveryStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public OffsetDateTime getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Integer getResponseCode() {
    return responseCode;
  }

  public Integer getDurationMs() {
    return durationMs;
  }

  public String getError() {
    return error;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getLastAttemptAt() {
    return lastAttemptAt;
  }
}
