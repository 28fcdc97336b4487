package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair that signs sign-in tokens. Liberty's MicroProfile JWT verifies tokens with the
 * public key at {@code mp.jwt.verify.publickey.location}; Jotter signs with the private key.
 *
 * <p>By default (both locations under the data directory) the pair lives in the database, so every
 * server signs and verifies with the same one: the first server to start makes it (RSA 2048, or
 * takes over a pair an earlier Jotter left in the data directory, so its tokens stay valid) and
 * each server writes the public key where Liberty reads it. An operator can instead supply their
 * own pair as PEM files ({@code JOTTER_JWT_PRIVATE_KEY_LOCATION}, {@code
 * MP_JWT_VERIFY_PUBLICKEY_LOCATION}), the same files on every server; they are checked at start
 * (both there, readable, a matching pair) and a broken pair stops the start with a message saying
 * what is wrong. Files Jotter writes are written whole before they take their name; a private key
 * is readable by its owner only from its first byte.
 */
@ApplicationScoped
public class JwtKeys {

  private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  @Inject
  @ConfigProperty(name = "jotter.jwt.private-key-location")
  String privateKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  String publicKeyLocation;

  @Inject
  @ConfigProperty(name = "jotter.data.dir")
  Optional<String> dataDir;

  @Inject SigningKeys shared;

  private volatile PrivateKey privateKey;

  /** Makes sure a usable pair exists; called at start, before any token is issued or verified. */
  public synchronized void ensure() {
    if (privateKey != null) {
      return;
    }
    Path privatePath = Path.of(privateKeyLocation).toAbsolutePath();
    Path publicPath = Path.of(publicKeyLocation).toAbsolutePath();
    try {
      if (managedByJotter(privatePath, publicPath)) {
        privateKey = ensureShared(privatePath, publicPath);
      } else {
        Optional<String> problem = mismatch(privatePath, publicPath);
        if (problem.isPresent()) {
          throw new IllegalStateException(
              "The token signing key pair is not usable: "
                  + problem.get()
                  + ". Supply both files (JOTTER_JWT_PRIVATE_KEY_LOCATION, a PKCS#8 PEM private"
                  + " key, and MP_JWT_VERIFY_PUBLICKEY_LOCATION, its public key) or neither.");
        }
        privateKey = readPrivateKey(privatePath);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot read or create the token signing keys: " + e.getMessage(), e);
    }
  }

  /** The pair from the database (made, or taken from the data directory, when there is none). */
  private PrivateKey ensureShared(Path privatePath, Path publicPath)
      throws IOException, GeneralSecurityException {
    Optional<SigningKeys.Pair> stored = shared.find();
    if (stored.isEmpty()) {
      SigningKeys.Pair candidate;
      if (Files.exists(privatePath)
          && Files.exists(publicPath)
          && mismatch(privatePath, publicPath).isEmpty()) {
        candidate =
            new SigningKeys.Pair(
                Files.readString(privatePath, StandardCharsets.US_ASCII),
                Files.readString(publicPath, StandardCharsets.US_ASCII));
        LOG.info(
            "Sharing the token signing key pair from " + privatePath + " through the database");
      } else {
        KeyPair pair = newPair();
        candidate =
            new SigningKeys.Pair(
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      }
      if (shared.insertIfAbsent(candidate)) {
        LOG.info("Stored a token signing key pair for every server in the database");
      }
      stored = shared.find();
    }
    SigningKeys.Pair pair = stored.orElseThrow();
    PrivateKey key = privateKey(pair.privatePem());
    if (!Files.exists(publicPath)
        || !Files.readString(publicPath, StandardCharsets.US_ASCII).equals(pair.publicPem())) {
      Files.move(
          writeComplete(publicPath, pair.publicPem(), false),
          publicPath,
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    }
    Files.deleteIfExists(privatePath); // the database holds it now; no copy per server
    return key;
  }

  public PrivateKey privateKey() {
    ensure();
    return privateKey;
  }

  /** Why the two files are not a usable pair, or empty when they are. */
  static Optional<String> mismatch(Path privatePath, Path publicPath) {
    try {
      PrivateKey signing = readPrivateKey(privatePath);
      PublicKey verifying = readPublicKey(publicPath);
      byte[] probe = "jotter key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(signing);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(verifying);
      verifier.update(probe);
      return verifier.verify(signature)
          ? Optional.empty()
          : Optional.of("the public key does not belong to the private key");
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      return Optional.of("a key cannot be read (" + e.getMessage() + ")");
    }
  }

  private boolean managedByJotter(Path privatePath, Path publicPath) {
    if (dataDir.isEmpty()) {
      return false;
    }
    Path keys = Path.of(dataDir.get(), "keys").toAbsolutePath();
    return privatePath.equals(keys.resolve("jwt-private.pem"))
        && publicPath.equals(keys.resolve("jwt-public.pem"));
  }

  private static KeyPair newPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** Writes a new pair as PEM files (for an operator's own pair, and tests). */
  static void generate(Path privatePath, Path publicPath)
      throws IOException, GeneralSecurityException {
    KeyPair pair = newPair();
    Path privateTmp =
        writeComplete(privatePath, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
    Path publicTmp =
        writeComplete(publicPath, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
    // public first: a crash between the two moves leaves no private key without its public one
    // that a later start could mistake for an operator's
    Files.move(publicTmp, publicPath, StandardCopyOption.ATOMIC_MOVE);
    Files.move(privateTmp, privatePath, StandardCopyOption.ATOMIC_MOVE);
    LOG.info("Generated the token signing key pair " + privatePath + " and " + publicPath);
  }

  /** Writes the text to a new file beside path, flushed to disk; owner-only from its creation. */
  private static Path writeComplete(Path path, String text, boolean secret) throws IOException {
    Path directory = path.getParent();
    if (!Files.exists(directory)) {
      Files.createDirectories(directory, posix(PosixFilePermissions.fromString("rwx------")));
    }
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try (FileChannel channel =
        secret
            ? FileChannel.open(tmp, options, posix(OWNER_ONLY))
            : FileChannel.open(tmp, options)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("another process is writing " + tmp, e);
    }
    return tmp;
  }

  /** The POSIX permissions as a creation attribute; none on file systems without them. */
  private static FileAttribute<?>[] posix(Set<PosixFilePermission> permissions) {
    boolean posix =
        java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
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

  private static PrivateKey readPrivateKey(Path path) throws IOException, GeneralSecurityException {
    return privateKey(Files.readString(path, StandardCharsets.US_ASCII));
  }

  private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      throw new GeneralSecurityException(
          "the private key is in PKCS#1 form; convert it with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out jwt-private.pem'");
    }
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body(pem))));
  }

  private static PublicKey readPublicKey(Path path) throws IOException, GeneralSecurityException {
    String pem = Files.readString(path, StandardCharsets.US_ASCII);
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body(pem))));
  }

  private static String body(String pem) {
    return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }
}
