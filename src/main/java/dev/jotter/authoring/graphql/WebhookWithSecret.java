package dev.jotter.authoring.graphql;

import dev.jotter.authoring.internal.Webhooks;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A webhook with its signing secret, answered only when the secret is made. */
@Name("WebhookWithSecret")
@Description(
    "A webhook and its signing secret. The secret is shown this once: keep it where the receiver"
        + " can check the Jotter-Signature header with it.")
public class WebhookWithSecret {

  private final WebhookView webhook;
  private final String secret;

  WebhookWithSecret(Webhooks.WithSecret made) {
    this.webhook = new WebhookView(made.webhook());
    this.secret = made.secret();
  }

  public @NonNull WebhookView getWebhook() {
    return webhook;
  }

  @Description(
      "Signs every delivery: Jotter-Signature is t=<unix seconds>,v1=<hex HMAC-SHA256(secret,"
          + " t + \".\" + body)>.")
  public @NonNull String getSecret() {
    return secret;
  }
}
