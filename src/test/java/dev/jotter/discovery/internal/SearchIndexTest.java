package dev.jotter.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index's file lock: held while open, released by close, so the application started next
 * in the same server opens it (an application of its own class loader holding it gets
 * OverlappingFileLockException instead).
 */
class SearchIndexTest {

  @Test
  void anOpenIndexCannotBeOpenedTwiceButAClosedOneOpensAgain(@TempDir Path dir) throws Exception {
    SearchIndex first = new SearchIndex(dir);
    assertThatThrownBy(() -> new SearchIndex(dir))
        .as("the index's writer holds its file lock")
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("Cannot open the search index");
    first.close();
    SearchIndex next = new SearchIndex(dir);
    assertThat(next.size()).isZero();
    next.close();
  }
}
