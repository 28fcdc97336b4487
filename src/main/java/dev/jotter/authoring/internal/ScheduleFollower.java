package dev.jotter.authoring.internal;

import dev.jotter.content.api.ContentEvent;
import dev.jotter.platform.changes.Change;
import dev.jotter.platform.changes.ChangeConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Re-arms this server's publishing timer when a schedule changed anywhere: scheduled, moved,
 * cancelled, published or deleted, on this server or another.
 */
@ApplicationScoped
public class ScheduleFollower implements ChangeConsumer {

  @Inject PublishScheduler scheduler;

  @Override
  public String name() {
    return "schedules";
  }

  @Override
  public void apply(List<Change> changes) {
    boolean schedulesMayDiffer =
        changes.stream()
            .map(ContentEvent::of)
            .anyMatch(
                e ->
                    e.isPresent()
                        && (e.get() instanceof ContentEvent.PostScheduled
                            || e.get() instanceof ContentEvent.PostPublished
                            || e.get() instanceof ContentEvent.PostUnpublished
                            || e.get() instanceof ContentEvent.PostDeleted));
    if (schedulesMayDiffer) {
      scheduler.rearm();
    }
  }
}
