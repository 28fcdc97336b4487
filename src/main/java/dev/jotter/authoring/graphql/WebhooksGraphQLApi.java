package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.WebhookEvent;
import dev.jotter.authoring.internal.DeliveryLogLine;
import dev.jotter.authoring.internal.Webhooks;
import dev.jotter.content.graphql.ContentGraphQLApi;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import dev.jotter.platform.graphql.ListSize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Webhooks, for administrators: the blog's events POSTed, signed, to the frontends' build hooks and
 * other receivers, with a delivery log. The rules are {@link Webhooks}'.
 */
@GraphQLApi
@ApplicationScoped
public class WebhooksGraphQLApi {

  @Inject Webhooks webhooks;

  @Query("webhooks")
  @ListSize(assumedSize = Webhooks.MAX_WEBHOOKS)
  @Description("Every webhook, oldest first: administrators.")
  public @NonNull List<@NonNull WebhookView> webhooks()
      throws UnauthenticatedException, ForbiddenException {
    return webhooks.list().stream().map(WebhookView::new).toList();
  }

  @Query("webhookDeliveries")
  @ListSize(slicingArguments = "first", sizedFields = "edges")
  @Description("A webhook's delivery log, newest first (kept 30 days): administrators.")
  public @NonNull WebhookDeliveryConnection webhookDeliveries(
      @NonNull @Id @Name("webhookId") String webhookId,
      @Name("first") @DefaultValue("20") @Description("How many, 0 to 100.") Integer first,
      @Name("after") @Description("The cursor of the last delivery of the page before.")
          String after)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    int size = first == null ? 20 : first;
    Long afterId = after == null ? null : parse(after, "after");
    List<DeliveryLogLine> rows = webhooks.deliveries(parse(webhookId, "webhookId"), size, afterId);
    return new WebhookDeliveryConnection(rows, size, afterId != null);
  }

  @Mutation("createWebhook")
  @Description(
      "Adds a webhook: each event it subscribes to is POSTed to url as JSON, signed with the"
          + " secret answered here (and never again), retried with growing waits for 24 hours."
          + " Administrators.")
  public @NonNull WebhookWithSecret createWebhook(@NonNull @Name("input") WebhookInput input)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    return new WebhookWithSecret(
        webhooks.create(input.name, input.url, events(input.events), input.active));
  }

  @Mutation("updateWebhook")
  @Description(
      "Changes a webhook; fields left out stay as they are. active: true starts a stopped webhook"
          + " again (its waiting deliveries go out). Administrators.")
  public @NonNull WebhookView updateWebhook(
      @NonNull @Id @Name("id") String id, @NonNull @Name("input") WebhookInput input)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return new WebhookView(
        webhooks.update(
            parse(id, "id"), input.name, input.url, events(input.events), input.active));
  }

  @Mutation("rotateWebhookSecret")
  @Description("Gives a webhook a new secret (shown this once); the old one stops at once.")
  public @NonNull WebhookWithSecret rotateWebhookSecret(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return new WebhookWithSecret(webhooks.rotateSecret(parse(id, "id")));
  }

  @Mutation("deleteWebhook")
  @Description("Deletes a webhook and its delivery log; returns true. Administrators.")
  public boolean deleteWebhook(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    webhooks.delete(parse(id, "id"));
    return true;
  }

  @Mutation("redeliverWebhook")
  @Description(
      "Sends a delivery's body again, as a new delivery (with its own id and attempts), after"
          + " what is waiting for the same post. Administrators.")
  public @NonNull WebhookDeliveryView redeliverWebhook(
      @NonNull @Id @Name("deliveryId") String deliveryId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return new WebhookDeliveryView(webhooks.redeliver(parse(deliveryId, "deliveryId")));
  }

  /** The events as a set (null stays null: Webhooks decides what none means). */
  private static Set<WebhookEvent> events(List<WebhookEvent> events) {
    if (events == null) {
      return null;
    }
    Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
    events.stream().filter(e -> e != null).forEach(set::add);
    return set;
  }

  private static long parse(String id, String argument) throws InvalidArgumentException {
    try {
      return ContentGraphQLApi.parseId(id);
    } catch (InvalidArgumentException e) {
      throw new InvalidArgumentException(argument + ": not an id, such as \"42\".");
    }
  }
}
