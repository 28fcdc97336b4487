package dev.jotter.authoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jotter.authoring.domain.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token signing keys: one pair for every server (kept in the database, here a stand-in), the
 * public key written where Liberty reads it; an operator's own pair checked before it is trusted.
 */
class JwtKeysTest {

  @TempDir Path dir;

  /** The database's one row, shared by the "servers" of a test. */
  static final class Database implements SigningKeys {
    final AtomicReference<Pair> row = new AtomicReference<>();

    @Override
    public Optional<Pair> find() {
      return Optional.ofNullable(row.get());
    }

    @Override
    public boolean insertIfAbsent(Pair pair) {
      return row.compareAndSet(null, pair);
    }
  }

  final Database database = new Database();

  JwtKeys server(Path dataDir) {
    JwtKeys keys = new JwtKeys();
    keys.privateKeyLocation = dataDir.resolve("keys/jwt-private.pem").toString();
    keys.publicKeyLocation = dataDir.resolve("keys/jwt-public.pem").toString();
    keys.dataDir = Optional.of(dataDir.toString());
    keys.shared = database;
    return keys;
  }

  @Test
  void everyServerSignsWithTheOnePairTheFirstMade() throws Exception {
    server(dir.resolve("a")).ensure();
    server(dir.resolve("b")).ensure();
    assertThat(database.find()).isPresent();
    String a = Files.readString(dir.resolve("a/keys/jwt-public.pem"));
    assertThat(Files.readString(dir.resolve("b/keys/jwt-public.pem"))).isEqualTo(a);
    assertThat(a).isEqualTo(database.find().get().publicPem());
    assertThat(dir.resolve("a/keys/jwt-private.pem"))
        .as("no private key per server")
        .doesNotExist();
  }

  @Test
  void aPairAnEarlierJotterLeftInTheDataDirectoryIsKept() throws Exception {
    Path keys = dir.resolve("old/keys");
    JwtKeys.generate(keys.resolve("jwt-private.pem"), keys.resolve("jwt-public.pem"));
    String publicPem = Files.readString(keys.resolve("jwt-public.pem"));
    server(dir.resolve("old")).ensure();
    assertThat(database.find().get().publicPem()).isEqualTo(publicPem);
  }

  @Test
  void aBrokenPublicKeyFileIsWrittenAgainFromTheDatabase() throws Exception {
    server(dir.resolve("a")).ensure();
    Files.writeString(dir.resolve("a/keys/jwt-public.pem"), "-----BEGIN PUBLIC KEY-----\nbroken");
    server(dir.resolve("a")).ensure();
    assertThat(Files.readString(dir.resolve("a/keys/jwt-public.pem")))
        .isEqualTo(database.find().get().publicPem());
  }

  @Test
  void anOperatorsOwnPairIsWrittenPrivateAndUsedAsItIs() throws Exception {
    Path own = dir.resolve("own");
    JwtKeys.generate(own.resolve("a.pem"), own.resolve("b.pem"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own.resolve("a.pem"))))
        .isEqualTo("rw-------");
    assertThat(JwtKeys.mismatch(own.resolve("a.pem"), own.resolve("b.pem"))).isEmpty();
    JwtKeys keys = server(dir.resolve("data"));
    keys.privateKeyLocation = own.resolve("a.pem").toString();
    keys.publicKeyLocation = own.resolve("b.pem").toString();
    keys.ensure();
    assertThat(database.find()).as("an operator's pair stays in their files").isEmpty();
  }

  @Test
  void anOperatorsBrokenPairStopsTheStartSayingWhy() throws Exception {
    Path own = dir.resolve("own");
    JwtKeys.generate(own.resolve("a.pem"), own.resolve("b.pem"));
    JwtKeys.generate(own.resolve("c.pem"), own.resolve("d.pem"));
    JwtKeys mixed = server(dir.resolve("data"));
    mixed.privateKeyLocation = own.resolve("a.pem").toString();
    mixed.publicKeyLocation = own.resolve("d.pem").toString();
    assertThatThrownBy(mixed::ensure)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not belong to the private key")
        .hasMessageContaining("Supply both files");
    Files.writeString(
        own.resolve("a.pem"), Files.readString(own.resolve("a.pem")).substring(0, 99));
    JwtKeys truncated = server(dir.resolve("data"));
    truncated.privateKeyLocation = own.resolve("a.pem").toString();
    truncated.publicKeyLocation = own.resolve("b.pem").toString();
    assertThatThrownBy(truncated::ensure).hasMessageContaining("cannot be read");
  }
}
