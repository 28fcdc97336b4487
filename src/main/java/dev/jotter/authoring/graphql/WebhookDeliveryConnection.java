package dev.jotter.authoring.graphql;

import dev.jotter.authoring.internal.DeliveryLogLine;
import dev.jotter.authoring.internal.Webhooks;
import dev.jotter.content.graphql.PageInfo;
import dev.jotter.platform.graphql.ListSize;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's connection over a webhook's deliveries, newest first. */
@Name("WebhookDeliveryConnection")
@Description("A page of a webhook's deliveries, newest first (a Relay connection).")
public class WebhookDeliveryConnection {

  /** Relay's edge. */
  @Name("WebhookDeliveryEdge")
  @Description("A delivery in the log, with the cursor of its place.")
  public record Edge(
      @NonNull @Description("Pass as after to read the deliveries before this one.") String cursor,
      @NonNull WebhookDeliveryView node) {}

  private final List<Edge> edges;
  private final PageInfo pageInfo;

  /** {@code rows} holds one more than the page when more follow. */
  WebhookDeliveryConnection(List<DeliveryLogLine> rows, int first, boolean hasPrevious) {
    List<DeliveryLogLine> page = rows.subList(0, Math.min(first, rows.size()));
    this.edges =
        page.stream()
            .map(d -> new Edge(Long.toString(d.id()), new WebhookDeliveryView(d)))
            .toList();
    this.pageInfo =
        new PageInfo(
            rows.size() > first,
            hasPrevious,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
  }

  @ListSize(assumedSize = Webhooks.MAX_PAGE)
  public @NonNull List<@NonNull Edge> getEdges() {
    return edges;
  }

  public @NonNull PageInfo getPageInfo() {
    return pageInfo;
  }
}
