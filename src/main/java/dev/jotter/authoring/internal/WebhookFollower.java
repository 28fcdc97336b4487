package dev.jotter.authoring.internal;

import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Makes webhook deliveries from the change log, on every server; the first server to see a change
 * makes its deliveries (the others find them made), so each goes out once, even after a crash.
 */
@ApplicationScoped
public class WebhookFollower implements ChangeConsumer {

  @Inject WebhookDeliveries deliveries;
  @Inject WebhookDispatcher dispatcher;

  @Override
  public String name() {
    return "webhooks";
  }

  @Override
  public void apply(List<Change> changes) {
    if (deliveries.makeFrom(changes) > 0) {
      dispatcher.wake();
    }
  }
}
