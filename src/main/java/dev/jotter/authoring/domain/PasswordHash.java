package dev.jotter.authoring.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords stored as slow salted hashes: PBKDF2 with HMAC-SHA256 from the JDK, 16 random bytes of
 * salt and {@value #ITERATIONS} iterations, in the text form {@code
 * PBKDF2WithHmacSHA256:iterations:salt:hash} (Base64) that Jakarta Security's {@code
 * Pbkdf2PasswordHash} also uses. The iteration count is stored with each hash, so it can grow later
 * without breaking old ones.
 */
public final class PasswordHash {

  public static final int ITERATIONS = 210_000;
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A hash of a password nobody has, to spend the same time when the email is unknown. */
  private static final String DECOY = hash("decoy password that matches nothing");

  private PasswordHash() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(password, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder();
    return ALGORITHM
        + ':'
        + ITERATIONS
        + ':'
        + b64.encodeToString(salt)
        + ':'
        + b64.encodeToString(hash);
  }

  /**
   * Whether the password matches the stored hash; compares in constant time. A stored value that is
   * not such a hash matches nothing.
   */
  public static boolean matches(String password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String[] parts = stored.split(":");
    if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
      return false;
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] expected = b64.decode(parts[3]);
      byte[] salt = b64.decode(parts[2]);
      int iterations = Integer.parseInt(parts[1]);
      if (iterations < 1 || salt.length == 0 || expected.length == 0) {
        return false;
      }
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) { // bad Base64 or a count that is not a number
      return false;
    }
  }

  /** Spends the time a real check takes (no account has this email). */
  public static void spendCheckTime(String password) {
    matches(password, DECOY);
  }

  /** Why a new password cannot be used, or null when it can. */
  public static String weakness(String password) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return "password: use at least " + MIN_LENGTH + " characters.";
    }
    if (length > MAX_LENGTH) {
      return "password: use at most " + MAX_LENGTH + " characters.";
    }
    if (password.isBlank()) {
      return "password: use more than spaces.";
    }
    return null;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
