package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.TargetAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where webhooks may be sent: http(s) URLs whose host resolves to public addresses only (every
 * address it resolves to), unless the installation allows private networks. Checked when a webhook
 * is saved and again before each attempt, after resolving the name then (a name may change what it
 * points to).
 */
@ApplicationScoped
public class WebhookTargets {

  static final int MAX_URL_LENGTH = 2000;

  @Inject
  @ConfigProperty(name = "jotter.webhooks.allowed-private-networks", defaultValue = " ")
  String allowedNetworks;

  private TargetAddresses policy;

  @PostConstruct
  void init() {
    policy = TargetAddresses.allowing(allowedNetworks);
  }

  /** Why a webhook may not be sent to {@code url}, or empty when it may (resolving its host). */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of(
          "webhooks are sent over http or https only, such as https://example.com/hooks");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("the URL has no host name");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of(
          "a user name or password in the URL is not supported; put a token in the path or query");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("at most " + MAX_URL_LENGTH + " characters");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("the host " + uri.getHost() + " cannot be resolved");
    }
    for (InetAddress address : addresses) {
      String host = uri.getHost().replaceAll("^\\[|\\]$", ""); // [::1] names ::1
      Optional<String> refused =
          policy.refusal(
              address.getHostAddress().equals(host) ? address.getHostAddress() : host, address);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }
}
