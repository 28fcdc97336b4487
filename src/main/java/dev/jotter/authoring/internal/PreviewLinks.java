package dev.jotter.authoring.internal;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.authoring.domain.PreviewGenerations;
import dev.jotter.authoring.domain.StaffUser;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PreviewTokens;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Draft preview links: whoever may see a post in any status (its authors, editors) makes a signed,
 * expiring link to it; anyone holding the link reads that post, and only that one, without signing
 * in ({@code post(previewToken:)}, the reader pages at {@code /preview/{token}}). Revoking a post's
 * links moves its generation on, so every link made before stops working.
 *
 * <p>A token is {@code base64url(payload).base64url(HMAC-SHA256)}, the payload {@code {"p": post,
 * "g": generation, "e": expiry in epoch seconds}}. The HMAC key is derived from the JWT signing
 * key, which every server shares, so any server verifies any server's links; replacing that key
 * revokes every preview link.
 */
@ApplicationScoped
public class PreviewLinks implements PreviewTokens {

  /** The longest a link may live: 30 days, in seconds. */
  public static final long MAX_SECONDS = 30L * 24 * 3600;

  /** A link's default life: a day. */
  public static final long DEFAULT_SECONDS = 24L * 3600;

  /** Longer than any token this issues: not worth decoding. */
  private static final int MAX_TOKEN_LENGTH = 512;

  @Inject CurrentStaff current;
  @Inject PostEditor editor;
  @Inject PreviewGenerations generations;
  @Inject JwtKeys keys;

  @Inject
  @ConfigProperty(name = "jotter.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  private volatile SecretKeySpec hmacKey;

  /** A link: the token, the reader page that shows it, and when it stops working. */
  public record Link(String token, String url, OffsetDateTime expiresAt) {}

  /**
   * A link to the post for {@code seconds} (1 to {@value #MAX_SECONDS}).
   *
   * @throws NotFoundException also for a post the caller may not see, so a writer cannot tell that
   *     someone else's draft exists
   */
  @Transactional
  public Link create(long postId, long seconds)
      throws UnauthenticatedException, NotFoundException, InvalidArgumentException {
    StaffUser me = current.require();
    if (seconds < 1 || seconds > MAX_SECONDS) {
      throw new InvalidArgumentException(
          "expiresIn: from 1 to " + MAX_SECONDS + " seconds (30 days); it was " + seconds + ".");
    }
    EditablePost post = visible(me, postId);
    if (post.status() == PostStatus.TRASHED) {
      throw new InvalidArgumentException(
          "postId: the post is in the trash; restore it (restorePost) to preview it.");
    }
    Instant expires = Instant.now().plusSeconds(seconds);
    String payload =
        JSON.createObjectBuilder()
            .add("p", postId)
            .add("g", generations.current(postId))
            .add("e", expires.getEpochSecond())
            .build()
            .toString();
    String body = base64(payload.getBytes(StandardCharsets.UTF_8));
    String token = body + "." + base64(mac(body));
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return new Link(token, base + "/preview/" + token, expires.atOffset(ZoneOffset.UTC));
  }

  /**
   * Stops every link to the post made so far (the same people who may make them may revoke them).
   */
  @Transactional
  public void revoke(long postId) throws UnauthenticatedException, NotFoundException {
    StaffUser me = current.require();
    editor.findForUpdate(postId); // serialises revocations of one post
    visible(me, postId);
    generations.advance(postId);
  }

  @Override
  @Transactional
  public OptionalLong postIdOf(String token) {
    if (token == null || token.length() > MAX_TOKEN_LENGTH) {
      return OptionalLong.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return OptionalLong.empty();
    }
    String body = token.substring(0, dot);
    byte[] signature;
    byte[] payload;
    try {
      signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      payload = Base64.getUrlDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    if (!MessageDigest.isEqual(signature, mac(body))) {
      return OptionalLong.empty(); // forged, or signed with another key
    }
    JsonObject claims;
    try (JsonReader reader =
        JSON.createReader(new StringReader(new String(payload, StandardCharsets.UTF_8)))) {
      claims = reader.readObject();
    } catch (JsonException | ClassCastException e) {
      return OptionalLong.empty();
    }
    long postId = claims.getJsonNumber("p").longValue();
    if (claims.getJsonNumber("e").longValue() < Instant.now().getEpochSecond()
        || claims.getInt("g") != generations.current(postId)) {
      return OptionalLong.empty(); // expired or revoked
    }
    return OptionalLong.of(postId);
  }

  private EditablePost visible(StaffUser me, long postId) throws NotFoundException {
    return editor
        .find(postId)
        .filter(p -> PostAuthoring.mayPreview(me, p.post()))
        .orElseThrow(() -> new NotFoundException("postId: there is no post " + postId + "."));
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign a preview link", e);
    }
  }

  private SecretKeySpec key() throws GeneralSecurityException {
    SecretKeySpec known = hmacKey;
    if (known == null) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("jotter preview links\n".getBytes(StandardCharsets.US_ASCII));
      sha.update(keys.privateKey().getEncoded());
      known = new SecretKeySpec(sha.digest(), "HmacSHA256");
      hmacKey = known;
    }
    return known;
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
