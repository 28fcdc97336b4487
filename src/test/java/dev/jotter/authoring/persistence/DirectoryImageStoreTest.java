package dev.jotter.authoring.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryImageStoreTest {

  @TempDir Path dir;

  @Test
  void filesAreStoredWholeAndLeaveNoTemporaryFiles() throws Exception {
    DirectoryImageStore store = new DirectoryImageStore(dir);
    store.put("0123456789abcdef", Map.of("a.png", bytes("full"), "a-600w.png", bytes("small")));

    try (InputStream in = store.find("0123456789abcdef", "a.png").orElseThrow().open()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("full");
    }
    assertThat(store.find("0123456789abcdef", "a-600w.png").orElseThrow().size()).isEqualTo(5);
    try (Stream<Path> files = Files.list(dir.resolve("0123456789abcdef"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a.png", "a-600w.png");
    }
  }

  @Test
  void aStoredFileIsNeverReplaced() throws Exception {
    DirectoryImageStore store = new DirectoryImageStore(dir);
    store.put("0123456789abcdef", Map.of("a.png", bytes("first")));
    store.put("0123456789abcdef", Map.of("a.png", bytes("second")));
    assertThat(store.find("0123456789abcdef", "a.png").orElseThrow().size()).isEqualTo(5);
  }

  @Test
  void nothingOutsideTheDirectoryIsFound() throws Exception {
    Files.writeString(dir.resolve("secret.txt"), "no");
    Path root = Files.createDirectory(dir.resolve("images"));
    DirectoryImageStore store = new DirectoryImageStore(root);
    assertThat(store.find("0123456789abcdef", "missing.png")).isEmpty();
    assertThat(store.find("..", "secret.txt")).isEmpty();
    assertThat(store.find("0123456789abcdef", "../../secret.txt")).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
