package dev.jotter.authoring.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair that signs sign-in tokens. Liberty's MicroProfile JWT verifies tokens with the
 * public key at {@code mp.jwt.verify.publickey.location}; Jotter signs with the private key at
 * {@code jotter.jwt.private-key-location}. Both default to files under the server's data directory
 * and are generated (RSA 2048) at first start when neither exists; an operator can supply their own
 * pair by pointing both settings at PEM files.
 */
@ApplicationScoped
public class JwtKeys {

  private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());

  @Inject
  @ConfigProperty(name = "jotter.jwt.private-key-location")
  String privateKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  String publicKeyLocation;

  private volatile PrivateKey privateKey;

  /** Makes sure the pair exists; called at start, before any token is issued or verified. */
  public synchronized void ensure() {
    if (privateKey != null) {
      return;
    }
    Path privatePath = Path.of(privateKeyLocation);
    Path publicPath = Path.of(publicKeyLocation);
    try {
      if (!Files.exists(privatePath) && !Files.exists(publicPath)) {
        generate(privatePath, publicPath);
      }
      privateKey = readPrivateKey(privatePath);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot read or create the token signing keys "
              + privatePath
              + " and "
              + publicPath
              + ": "
              + e.getMessage(),
          e);
    }
  }

  public PrivateKey privateKey() {
    ensure();
    return privateKey;
  }

  private static void generate(Path privatePath, Path publicPath)
      throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Files.createDirectories(privatePath.toAbsolutePath().getParent());
    Files.createDirectories(publicPath.toAbsolutePath().getParent());
    writePem(privatePath, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
    writePem(publicPath, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
    LOG.info("Generated the token signing key pair " + privatePath + " and " + publicPath);
  }

  private static void writePem(Path path, String type, byte[] der, boolean secret)
      throws IOException {
    String pem =
        "-----BEGIN "
            + type
            + "-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END "
            + type
            + "-----\n";
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.writeString(tmp, pem, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    if (secret) {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system (Windows): the directory's permissions apply
      }
    }
    Files.move(tmp, path);
  }

  private static PrivateKey readPrivateKey(Path path) throws IOException, GeneralSecurityException {
    String pem = Files.readString(path, StandardCharsets.US_ASCII);
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new GeneralSecurityException(
          "the private key is in PKCS#1 form; convert it with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out jwt-private.pem'");
    }
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
