package dev.jotter.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The token signing key pair of the Arquillian suite's servers, supplied as an operator would (PEM
 * files named in their jvm.options), so that tests can sign tokens of their own with the server's
 * key. {@code pom.xml} runs {@code TestKeys DIR} before the suite; the servers that tests start
 * themselves keep their pair in the database, as Jotter does by default.
 */
public final class TestKeys {

  static final Path DIR = Path.of(System.getProperty("jotter.test-keys.dir", "target/test-keys"));

  private TestKeys() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    Files.writeString(
        dir.resolve("jwt-private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(
        dir.resolve("jwt-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    System.out.println("Token signing keys for the test servers: " + dir);
  }

  /** The suite servers' private key. */
  static PrivateKey serverKey() throws Exception {
    String pem = Files.readString(DIR.resolve("jwt-private.pem"), StandardCharsets.US_ASCII);
    byte[] der =
        Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
