package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.WebhookEvent;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** A webhook's settings; in updateWebhook, fields left out stay as they are. */
@Input("WebhookInput")
@Description(
    "A webhook: where to send which events. createWebhook needs url and events; in updateWebhook,"
        + " fields left out stay as they are.")
public class WebhookInput {

  @Description("A name for the list; the target's host when left out. At most 100 characters.")
  public String name;

  @Description(
      "An http(s) URL whose host resolves to public addresses only (the server's configuration"
          + " can allow private networks).")
  public String url;

  @Description("The events to send; at least one.")
  public List<WebhookEvent> events;

  @Description("Whether events are sent; true when created. true again forgets past failures.")
  public Boolean active;
}
