package dev.jotter.authoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An administrator's subscription to the blog's events: where they are sent, which, and the secret
 * that signs them. It stops (inactive, with the reason) when its target answers 410 Gone or fails
 * too many times in a row; an administrator turns it on again.
 */
@Entity
@Table(name = "webhook")
@NamedQuery(name = "Webhook.findAll", query = "select w from Webhook w order by w.id")
@NamedQuery(name = "Webhook.findActive", query = "select w from Webhook w where w.active = true")
@NamedQuery(name = "Webhook.count", query = "select count(w) from Webhook w")
public class Webhook {

  @Id
  @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "target_url", nullable = false)
  private String targetUrl;

  @Column(nullable = false)
  private String events;

  @Column(nullable = false)
  private String secret;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "since_change_id", nullable = false)
  private long sinceChangeId;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "disabled_reason")
  private String disabledReason;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Webhook() {}

  public Webhook(
      String name,
      String targetUrl,
      Set<WebhookEvent> events,
      String secret,
      boolean active,
      long sinceChangeId,
      OffsetDateTime now) {
    this.name = name;
    this.targetUrl = targetUrl;
    this.events = join(events);
    this.secret = secret;
    this.active = active;
    this.sinceChangeId = sinceChangeId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getTargetUrl() {
    return targetUrl;
  }

  public Set<WebhookEvent> getEvents() {
    Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
    Arrays.stream(events.split(","))
        .filter(s -> !s.isBlank())
        .forEach(s -> set.add(WebhookEvent.valueOf(s)));
    return set;
  }

  /** Whether it is told of {@code event}. */
  public boolean wants(WebhookEvent event) {
    return getEvents().contains(event);
  }

  public String getSecret() {
    return secret;
  }

  public boolean isActive() {
    return active;
  }

  public long getSinceChangeId() {
    return sinceChangeId;
  }

  public int getConsecutiveFailures() {
    return consecutiveFailures;
  }

  public String getDisabledReason() {
    return disabledReason;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public void rename(String name, OffsetDateTime now) {
    this.name = name;
    this.updatedAt = now;
  }

  public void retarget(String targetUrl, OffsetDateTime now) {
    this.targetUrl = targetUrl;
    this.updatedAt = now;
  }

  public void subscribe(Set<WebhookEvent> events, OffsetDateTime now) {
    this.events = join(events);
    this.updatedAt = now;
  }

  /** Turns it on (and forgets past failures) or off (by an administrator: no reason kept). */
  public void activate(boolean active, OffsetDateTime now) {
    if (active && !this.active) {
      this.consecutiveFailures = 0;
      this.disabledReason = null;
    }
    if (!active) {
      this.disabledReason = null;
    }
    this.active = active;
    this.updatedAt = now;
  }

  public void changeSecret(String secret, OffsetDateTime now) {
    this.secret = secret;
    this.updatedAt = now;
  }

  private static String join(Set<WebhookEvent> events) {
    return events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
