package dev.jotter.authoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token signing keys: written whole and private, and checked before they are trusted. */
class JwtKeysTest {

  @TempDir Path dir;

  JwtKeys keys(Path privatePath, Path publicPath) {
    JwtKeys keys = new JwtKeys();
    keys.privateKeyLocation = privatePath.toString();
    keys.publicKeyLocation = publicPath.toString();
    keys.dataDir = Optional.of(dir.toString());
    return keys;
  }

  Path privatePath() {
    return dir.resolve("keys/jwt-private.pem");
  }

  Path publicPath() {
    return dir.resolve("keys/jwt-public.pem");
  }

  @Test
  void aNewPairIsOwnerOnlyAndMatches() throws Exception {
    keys(privatePath(), publicPath()).ensure();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privatePath())))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(privatePath().getParent())))
        .isEqualTo("rwx------");
    assertThat(JwtKeys.mismatch(privatePath(), publicPath())).isEmpty();
    try (var files = Files.list(privatePath().getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("jwt-private.pem", "jwt-public.pem");
    }
  }

  @Test
  void aHalfWrittenPairJotterMadeIsMadeAgain() throws Exception {
    keys(privatePath(), publicPath()).ensure();
    String before = Files.readString(publicPath());
    Files.writeString(privatePath(), Files.readString(privatePath()).substring(0, 200));
    assertThat(JwtKeys.mismatch(privatePath(), publicPath())).isPresent();

    keys(privatePath(), publicPath()).ensure();
    assertThat(JwtKeys.mismatch(privatePath(), publicPath())).isEmpty();
    assertThat(Files.readString(publicPath())).isNotEqualTo(before);
  }

  @Test
  void aPrivateKeyWithoutItsPublicKeyIsMadeAgainWhenJotterMadeIt() throws Exception {
    keys(privatePath(), publicPath()).ensure();
    Files.delete(publicPath());
    keys(privatePath(), publicPath()).ensure();
    assertThat(JwtKeys.mismatch(privatePath(), publicPath())).isEmpty();
  }

  @Test
  void anOperatorsBrokenPairStopsTheStartSayingWhy() throws Exception {
    Path own = dir.resolve("own");
    JwtKeys.generate(own.resolve("a.pem"), own.resolve("b.pem"));
    JwtKeys.generate(own.resolve("c.pem"), own.resolve("d.pem"));
    JwtKeys mixed = keys(own.resolve("a.pem"), own.resolve("d.pem"));
    org.assertj.core.api.Assertions.assertThatThrownBy(mixed::ensure)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not belong to the private key")
        .hasMessageContaining("Supply both files");
  }
}
