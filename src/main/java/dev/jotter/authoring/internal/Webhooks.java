package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Role;
import dev.jotter.authoring.domain.Webhook;
import dev.jotter.authoring.domain.WebhookDelivery;
import dev.jotter.authoring.domain.WebhookEvent;
import dev.jotter.authoring.domain.WebhookRepository;
import dev.jotter.platform.changes.ChangeLog;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Administrators' webhooks: made, changed, stopped and deleted, their secrets, the log of their
 * deliveries and redelivery. Every rule is here: only administrators, targets that resolve to
 * public addresses (see {@link WebhookTargets}), at most {@link #MAX_WEBHOOKS}.
 */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class Webhooks {

  public static final int MAX_WEBHOOKS = 100;
  public static final int MAX_PAGE = 100;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A webhook with its secret: only when it is made, or the secret is changed. */
  public record WithSecret(WebhookSummary webhook, String secret) {}

  /**
   * Raised when deliveries may be waiting (a redelivery made, a webhook turned on again): the
   * dispatcher looks for them after the commit.
   */
  public record DeliveriesWaiting(long webhookId) {}

  @Inject StaffAccounts accounts;
  @Inject WebhookRepository repository;
  @Inject WebhookTargets targets;
  @Inject ChangeLog changes;
  @Inject WebhookDispatcher dispatcher;
  @Inject Event<DeliveriesWaiting> waiting;

  public List<WebhookSummary> list() throws UnauthenticatedException, ForbiddenException {
    require("see webhooks");
    return repository.findAll().stream().map(WebhookSummary::of).toList();
  }

  public WithSecret create(String name, String url, Set<WebhookEvent> events, Boolean active)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    require("manage webhooks");
    if (repository.count() >= MAX_WEBHOOKS) {
      throw new InvalidArgumentException(
          "There are "
              + MAX_WEBHOOKS
              + " webhooks already, the most a blog has; delete one first.");
    }
    String target = checkUrl(url);
    Set<WebhookEvent> subscribed = checkEvents(events);
    String secret = newSecret();
    Webhook webhook =
        new Webhook(
            checkName(name, target),
            target,
            subscribed,
            secret,
            active == null || active,
            changes.head(),
            Clock.now());
    return new WithSecret(WebhookSummary.of(repository.save(webhook)), secret);
  }

  /** Changes what is given (null: unchanged); turning it on again forgets its failures. */
  public WebhookSummary update(
      long id, String name, String url, Set<WebhookEvent> events, Boolean active)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    require("manage webhooks");
    Webhook webhook = find(id);
    var now = Clock.now();
    if (url != null) {
      webhook.retarget(checkUrl(url), now);
    }
    if (name != null) {
      webhook.rename(checkName(name, webhook.getTargetUrl()), now);
    }
    if (events != null) {
      webhook.subscribe(checkEvents(events), now);
    }
    if (active != null) {
      webhook.activate(active, now);
      if (active) {
        waiting.fire(new DeliveriesWaiting(id));
      }
    }
    return WebhookSummary.of(webhook);
  }

  /** Deletes the webhook and its delivery log. */
  public void delete(long id)
      throws UnauthenticatedException, ForbiddenException, NotFoundException {
    require("manage webhooks");
    repository.delete(find(id));
  }

  /** A new secret; the old one stops signing at once. */
  public WithSecret rotateSecret(long id)
      throws UnauthenticatedException, ForbiddenException, NotFoundException {
    require("manage webhooks");
    Webhook webhook = find(id);
    String secret = newSecret();
    webhook.changeSecret(secret, Clock.now());
    return new WithSecret(WebhookSummary.of(webhook), secret);
  }

  /** A page of the webhook's deliveries, newest first, after the delivery {@code afterId}. */
  public List<DeliveryLogLine> deliveries(long webhookId, int first, Long afterId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    require("see webhook deliveries");
    if (first < 0 || first > MAX_PAGE) {
      throw new InvalidArgumentException("first: 0 to " + MAX_PAGE + ".");
    }
    find(webhookId);
    return repository
        .deliveries(webhookId, afterId == null ? Long.MAX_VALUE : afterId, first + 1)
        .stream()
        .map(DeliveryLogLine::of)
        .toList();
  }

  /** Sends a delivery's body again, as a new delivery (its own id, attempts and log line). */
  public DeliveryLogLine redeliver(long deliveryId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    require("redeliver webhooks");
    WebhookDelivery original =
        repository
            .findDelivery(deliveryId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "deliveryId: there is no webhook delivery " + deliveryId + "."));
    Webhook webhook = find(original.getWebhookId());
    if (!webhook.isActive()) {
      throw new InvalidArgumentException(
          "deliveryId: the webhook \""
              + webhook.getName()
              + "\" is inactive; turn it on (updateWebhook with active: true) first.");
    }
    WebhookDelivery again =
        repository.add(
            new WebhookDelivery(
                webhook.getId(),
                null,
                original.getId(),
                changes.head(),
                original.getEvent(),
                original.getSubjectKey(),
                original.getPayload(),
                Clock.now()));
    waiting.fire(new DeliveriesWaiting(webhook.getId()));
    return DeliveryLogLine.of(again);
  }

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesWaiting made) {
    dispatcher.wake();
  }

  private Webhook find(long id) throws NotFoundException {
    return repository
        .find(id)
        .orElseThrow(() -> new NotFoundException("id: there is no webhook " + id + "."));
  }

  private void require(String what) throws UnauthenticatedException, ForbiddenException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, what);
  }

  private String checkUrl(String url) throws InvalidArgumentException {
    String trimmed = url == null ? "" : url.trim();
    if (trimmed.isEmpty()) {
      throw new InvalidArgumentException(
          "url: the address to send the events to, such as https://example.com/hooks.");
    }
    var refused = targets.refusal(trimmed);
    if (refused.isPresent()) {
      throw new InvalidArgumentException("url: " + refused.get() + ".");
    }
    return trimmed;
  }

  private static Set<WebhookEvent> checkEvents(Set<WebhookEvent> events)
      throws InvalidArgumentException {
    if (events == null || events.isEmpty()) {
      throw new InvalidArgumentException("events: at least one event, such as POST_PUBLISHED.");
    }
    return EnumSet.copyOf(events);
  }

  private static String checkName(String name, String url) throws InvalidArgumentException {
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty()) {
      return URI.create(url).getHost(); // the target's host names it by default
    }
    if (trimmed.length() > 100) {
      throw new InvalidArgumentException("name: at most 100 characters.");
    }
    return trimmed;
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
