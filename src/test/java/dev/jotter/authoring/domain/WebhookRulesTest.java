package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jotter.content.api.ContentEvent;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Webhooks' rules without a server: targets, signatures, the retry schedule, event names. */
class WebhookRulesTest {

  static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void withoutTheSettingOnlyPublicAddressesAreTargets() throws Exception {
    TargetAddresses none = TargetAddresses.allowing(" ");
    for (String refused :
        List.of(
            "127.0.0.1",
            "127.9.9.9",
            "::1",
            "0.0.0.0",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.10",
            "169.254.169.254",
            "fe80::1",
            "fd12:3456::1",
            "100.64.0.1",
            "224.0.0.1",
            "::ffff:127.0.0.1")) {
      assertThat(none.refusal(ip(refused))).as(refused).isPresent();
    }
    assertThat(none.refusal(ip("127.0.0.1")).orElseThrow()).contains("127.0.0.1 is a loopback");
    for (String allowed : List.of("93.184.216.34", "1.1.1.1", "2606:4700:4700::1111")) {
      assertThat(none.refusal(ip(allowed))).as(allowed).isEmpty();
    }
  }

  @Test
  void theSettingAllowsExactlyTheNetworksItNames() throws Exception {
    TargetAddresses some = TargetAddresses.allowing("127.0.0.1/32, 10.0.0.0/8");
    assertThat(some.refusal(ip("127.0.0.1"))).isEmpty();
    assertThat(some.refusal(ip("10.200.1.1"))).isEmpty();
    assertThat(some.refusal(ip("127.0.0.2"))).isPresent();
    assertThat(some.refusal(ip("::1"))).isPresent();
    assertThat(some.refusal(ip("192.168.0.1"))).isPresent();
    assertThatThrownBy(() -> TargetAddresses.allowing("intranet.example"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TargetAddresses.allowing("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSignatureVerifiesOnlyTheBodyAndTimeItWasMadeFor() {
    String body = "{\"event\":\"post.published\"}";
    String header = WebhookSignature.header("whsec_test", 1_700_000_000L, body);
    assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64}");
    assertThat(WebhookSignature.verifies("whsec_test", header, body)).isTrue();
    assertThat(WebhookSignature.verifies("whsec_other", header, body)).isFalse();
    assertThat(WebhookSignature.verifies("whsec_test", header, body + " ")).isFalse();
    assertThat(
            WebhookSignature.verifies(
                "whsec_test", header.replace("t=1700000000", "t=1700000001"), body))
        .isFalse();
    // the HMAC of "1700000000." + body, as any HMAC-SHA256 implementation computes it
    assertThat(header)
        .isEqualTo("t=1700000000,v1=" + hmacElsewhere("whsec_test", "1700000000." + body));
  }

  private static String hmacElsewhere(String key, String message) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(), "HmacSHA256"));
      StringBuilder hex = new StringBuilder();
      for (byte b : mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void retriesWaitTwiceAsLongEachTimeForAtLeastADay() {
    OffsetDateTime first = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    WebhookRetries standard = WebhookRetries.STANDARD;
    OffsetDateTime now = first;
    List<Duration> waits = new ArrayList<>();
    int attempts = 1;
    while (true) {
      Optional<OffsetDateTime> next = standard.next(attempts, first, now);
      if (next.isEmpty()) {
        break;
      }
      waits.add(Duration.between(now, next.get()));
      now = next.get();
      attempts++;
    }
    assertThat(waits.subList(0, 4))
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4));
    assertThat(waits).allMatch(w -> w.compareTo(Duration.ofHours(1)) <= 0);
    assertThat(Duration.between(first, now))
        .as("the last attempt is within an hour of the 24 h window's end")
        .isBetween(Duration.ofHours(23), Duration.ofHours(24));
    assertThat(attempts).as("attempts in a day").isBetween(25, 40);
  }

  @Test
  void everyContentEventOfAPostTagOrAuthorHasAWebhookEvent() {
    assertThat(WebhookEvent.ofChange(ContentEvent.PostPublished.KIND))
        .hasValue(WebhookEvent.POST_PUBLISHED);
    assertThat(WebhookEvent.ofChange(ContentEvent.PostUpdated.KIND))
        .hasValue(WebhookEvent.POST_UPDATED);
    assertThat(WebhookEvent.ofChange(ContentEvent.PostUnpublished.KIND))
        .hasValue(WebhookEvent.POST_UNPUBLISHED);
    assertThat(WebhookEvent.ofChange(ContentEvent.PostDeleted.KIND))
        .hasValue(WebhookEvent.POST_DELETED);
    assertThat(WebhookEvent.ofChange(ContentEvent.PostScheduled.KIND))
        .hasValue(WebhookEvent.POST_SCHEDULED);
    assertThat(WebhookEvent.ofChange(ContentEvent.TagChanged.KIND))
        .hasValue(WebhookEvent.TAG_CHANGED);
    assertThat(WebhookEvent.ofChange(ContentEvent.AuthorChanged.KIND))
        .hasValue(WebhookEvent.AUTHOR_CHANGED);
    assertThat(WebhookEvent.ofChange(ContentEvent.BlogSettingsChanged.KIND))
        .contains(WebhookEvent.SITE_CHANGED);
    assertThat(WebhookEvent.SITE_CHANGED.wireName()).isEqualTo("site.changed");
    assertThat(WebhookEvent.ofChange("something-else")).isEmpty();
    assertThat(WebhookEvent.POST_PUBLISHED.wireName()).isEqualTo("post.published");
  }
}
