package dev.jotter.authoring.internal;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.authoring.domain.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the signed JWTs (RS256) staff send as {@code Authorization: Bearer}: issuer, audience,
 * subject (the staff user's id), upn (the email), groups (the role), issued-at, expiry and a unique
 * id. Liberty's MicroProfile JWT feature verifies them on every request.
 */
@ApplicationScoped
public class TokenIssuer {

  @Inject JwtKeys keys;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  String audience;

  @Inject
  @ConfigProperty(name = "jotter.jwt.lifetime-minutes", defaultValue = "60")
  long lifetimeMinutes;

  /** A token and when it expires. */
  public record Token(String value, Instant expiresAt) {}

  public Token issue(StaffUser user, Instant now) {
    if (lifetimeMinutes < 1 || lifetimeMinutes > 60 * 24 * 30) {
      throw new IllegalStateException(
          "jotter.jwt.lifetime-minutes must be between 1 and 43200; it is " + lifetimeMinutes);
    }
    Instant expiresAt = now.plus(Duration.ofMinutes(lifetimeMinutes));
    String header =
        JSON.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
    String claims =
        JSON.createObjectBuilder()
            .add("iss", issuer)
            .add("aud", audience.split(",")[0].strip())
            .add("sub", Long.toString(user.id()))
            .add("upn", user.email())
            .add("groups", JSON.createArrayBuilder().add(user.role().name()))
            .add("iat", now.getEpochSecond())
            .add("exp", expiresAt.getEpochSecond())
            .add("jti", UUID.randomUUID().toString())
            .build()
            .toString();
    String signingInput = base64Url(header) + '.' + base64Url(claims);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.privateKey());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return new Token(
          signingInput + '.' + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign()),
          expiresAt);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign the token", e);
    }
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
