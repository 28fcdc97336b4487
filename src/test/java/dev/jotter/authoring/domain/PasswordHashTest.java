package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stored passwords: PBKDF2-HMAC-SHA256 hashes in Jakarta Security's text form, checked against an
 * independent computation with the JDK, and the rules for a new password.
 */
class PasswordHashTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String STORED = PasswordHash.hash(PASSWORD);

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) throws Exception {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
  }

  private static String withPart(String stored, int index, String part) {
    String[] parts = stored.split(":");
    parts[index] = part;
    return String.join(":", parts);
  }

  @Test
  void aHashIsTheAlgorithmTheIterationsA16ByteSaltAndA32ByteHashInBase64() {
    String[] parts = STORED.split(":");

    assertThat(parts).hasSize(4);
    assertThat(parts[0]).isEqualTo("PBKDF2WithHmacSHA256");
    assertThat(parts[1]).isEqualTo("210000");
    assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
  }

  @Test
  void theStoredHashIsPbkdf2OfThePasswordWithTheStoredSaltAndIterations() throws Exception {
    String[] parts = STORED.split(":");
    byte[] salt = Base64.getDecoder().decode(parts[2]);

    byte[] expected = pbkdf2(PASSWORD, salt, PasswordHash.ITERATIONS);

    assertThat(Base64.getDecoder().decode(parts[3])).isEqualTo(expected);
  }

  @Test
  void twoHashesOfTheSamePasswordHaveDifferentSaltsAndBothMatch() {
    String other = PasswordHash.hash(PASSWORD);

    assertThat(other).isNotEqualTo(STORED);
    assertThat(other.split(":")[2]).isNotEqualTo(STORED.split(":")[2]);
    assertThat(PasswordHash.matches(PASSWORD, other)).isTrue();
  }

  @Test
  void theRightPasswordMatches() {
    assertThat(PasswordHash.matches(PASSWORD, STORED)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery stapl",
        "Correct horse battery staple",
        "correct horse battery staple ",
        " correct horse battery staple",
        "something else entirely"
      })
  void aWrongPasswordDoesNotMatch(String wrong) {
    assertThat(PasswordHash.matches(wrong, STORED)).isFalse();
  }

  @Test
  void anEmptyPasswordDoesNotMatchAndDoesNotThrow() {
    assertThat(PasswordHash.matches("", STORED)).isFalse();
  }

  @Test
  void aHashWithOneByteChangedDoesNotMatch() {
    byte[] hash = Base64.getDecoder().decode(STORED.split(":")[3]);
    hash[hash.length - 1] ^= 1;
    String tampered = withPart(STORED, 3, Base64.getEncoder().encodeToString(hash));

    assertThat(PasswordHash.matches(PASSWORD, tampered)).isFalse();
  }

  @Test
  void aHashWithAnotherSaltDoesNotMatch() {
    byte[] salt = Base64.getDecoder().decode(STORED.split(":")[2]);
    salt[0] ^= 1;
    String tampered = withPart(STORED, 2, Base64.getEncoder().encodeToString(salt));

    assertThat(PasswordHash.matches(PASSWORD, tampered)).isFalse();
  }

  @Test
  void aHashWithAnotherIterationCountDoesNotMatch() {
    assertThat(PasswordHash.matches(PASSWORD, withPart(STORED, 1, "1000"))).isFalse();
  }

  @Test
  void aHashMadeWithFewerIterationsStillMatchesByItsStoredCount() throws Exception {
    byte[] salt = new byte[16];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) i;
    }
    Base64.Encoder b64 = Base64.getEncoder();
    String old =
        "PBKDF2WithHmacSHA256:1000:"
            + b64.encodeToString(salt)
            + ":"
            + b64.encodeToString(pbkdf2(PASSWORD, salt, 1000));

    assertThat(PasswordHash.matches(PASSWORD, old)).isTrue();
    assertThat(PasswordHash.matches("not the password", old)).isFalse();
  }

  @Test
  void aHashUnderAnotherAlgorithmNameDoesNotMatchAndDoesNotThrow() {
    String sha1 = withPart(STORED, 0, "PBKDF2WithHmacSHA1");

    assertThat(PasswordHash.matches(PASSWORD, sha1)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "correct horse battery staple",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "PBKDF2WithHmacSHA256:210000:AAAAAAAAAAAAAAAAAAAAAA==",
        "PBKDF2WithHmacSHA256:210000:AAAAAAAAAAAAAAAAAAAAAA==:AAAA:extra",
        "sha256:210000:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
      })
  void aStoredValueInAnotherFormatDoesNotMatchAndDoesNotThrow(String foreign) {
    assertThat(PasswordHash.matches(PASSWORD, foreign)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a wrong guess", "correct horse battery staple"})
  void spendingTheCheckTimeForAnUnknownEmailDoesNotThrow(String password) {
    assertThatCode(() -> PasswordHash.spendCheckTime(password)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"a", "123456789", "short one"})
  void aPasswordUnderTenCharactersIsTooShort(String password) {
    assertThat(PasswordHash.weakness(password)).isNotNull().contains("at least 10");
  }

  @Test
  void exactlyTenCharactersIsLongEnough() {
    assertThat(PasswordHash.weakness("0123456789")).isNull();
  }

  @Test
  void exactly200CharactersIsAcceptedAnd201IsTooLong() {
    assertThat(PasswordHash.weakness("a".repeat(200))).isNull();
    assertThat(PasswordHash.weakness("a".repeat(201))).isNotNull().contains("at most 200");
  }

  @ParameterizedTest
  @ValueSource(strings = {"          ", "\t\t\t\t\t     ", "  \n  \n  \n  "})
  void aPasswordOfOnlySpacesIsRejected(String password) {
    assertThat(PasswordHash.weakness(password)).isNotNull().contains("spaces");
  }

  @Test
  void aPassphraseWithSpacesBetweenWordsIsAccepted() {
    assertThat(PasswordHash.weakness(PASSWORD)).isNull();
  }

  @Test
  void everyWeaknessNamesTheFieldAndEndsASentence() {
    for (String weak : new String[] {"short", "a".repeat(201), " ".repeat(12)}) {
      assertThat(PasswordHash.weakness(weak)).startsWith("password: ").endsWith(".");
    }
  }

  @Test
  void malformedStoredValuesMatchNothingAndNeverThrow() {
    for (String stored :
        new String[] {
          "PBKDF2WithHmacSHA256:abc:AAAA:AAAA",
          "PBKDF2WithHmacSHA256:210000:!!!!:AAAA",
          "PBKDF2WithHmacSHA256:0:AAAA:AAAA",
          "PBKDF2WithHmacSHA256:-5:AAAA:AAAA",
          "PBKDF2WithHmacSHA256:210000::AAAA",
          null
        }) {
      assertThat(PasswordHash.matches("secret password", stored)).as(stored).isFalse();
    }
  }

  @Test
  void passwordLengthCountsCharactersNotUtf16Units() {
    assertThat(PasswordHash.weakness("\uD83C\uDF89".repeat(5))).isNotNull();
    assertThat(PasswordHash.weakness("\uD83C\uDF89".repeat(10))).isNull();
  }
}
