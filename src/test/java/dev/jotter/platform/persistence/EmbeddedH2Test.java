package dev.jotter.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash leaves of an embedded H2 database, simulated without killing anything: the file is
 * copied right after a commit while the database is still open (what kill -9 leaves on disk is what
 * the process had written), and the copy is opened as the next start would open it.
 */
class EmbeddedH2Test {

  @TempDir Path dir;

  @Test
  void findsTheFileOfEmbeddedUrlsOnly() {
    assertThat(EmbeddedH2.fileOf("jdbc:h2:file:/srv/jotter/data/jotter"))
        .contains(Path.of("/srv/jotter/data/jotter.mv.db"));
    assertThat(EmbeddedH2.fileOf("jdbc:h2:file:/srv/data/jotter;WRITE_DELAY=0;MODE=LEGACY"))
        .contains(Path.of("/srv/data/jotter.mv.db"));
    assertThat(EmbeddedH2.fileOf("jdbc:h2:/srv/data/jotter"))
        .contains(Path.of("/srv/data/jotter.mv.db"));
    assertThat(EmbeddedH2.fileOf("jdbc:h2:~/blog"))
        .contains(Path.of(System.getProperty("user.home"), "blog.mv.db"));
    assertThat(EmbeddedH2.fileOf("jdbc:h2:mem:test")).isEmpty();
    assertThat(EmbeddedH2.fileOf("jdbc:h2:tcp://db:9092/jotter")).isEmpty();
    assertThat(EmbeddedH2.fileOf("jdbc:postgresql://localhost/jotter")).isEmpty();
    assertThat(EmbeddedH2.fileOf("")).isEmpty();
    assertThat(EmbeddedH2.fileOf(null)).isEmpty();
  }

  /**
   * H2's own recovery after a crash follows the chunk positions each chunk predicted for the next
   * one; a chunk written elsewhere is skipped, with every commit after it. The full scan that
   * {@link EmbeddedH2#recover} runs on an unclean file finds them all.
   */
  @Test
  void afterTheFullScanEveryCommitOfACrashImageIsThere() throws Exception {
    Path file = dir.resolve("store.mv.db");
    Random random = new Random(42);
    int steps = 120;
    int lostByH2Alone = 0;
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    try {
      store.setRetentionTime(0); // free old chunks at once, as a long-running server does
      MVMap<Integer, String> map = store.openMap("posts");
      for (int step = 0; step < steps; step++) {
        for (int k = random.nextInt(40); k >= 0; k--) {
          map.put(random.nextInt(200), "x".repeat(random.nextInt(3000)));
        }
        map.put(-1, "commit " + step);
        store.commit();

        Path plain = crashImage(file, "plain");
        if (!("commit " + step).equals(latest(plain))) {
          lostByH2Alone++;
        }
        Path recovered = crashImage(file, "recovered");
        assertThat(EmbeddedH2.recover(recovered).state()).isEqualTo(EmbeddedH2.State.RECOVERED);
        assertThat(latest(recovered)).as("after commit %d", step).isEqualTo("commit " + step);
        assertThat(EmbeddedH2.recover(recovered).state()).isEqualTo(EmbeddedH2.State.CLEAN);
      }
    } finally {
      store.close();
    }
    System.out.printf(
        "H2 crash images: %d of %d commits missing with H2's own recovery, 0 after the full scan%n",
        lostByH2Alone, steps);
    assertThat(lostByH2Alone)
        .as("H2 lost no commit of a crash image: the full scan may no longer be needed")
        .isPositive();
  }

  /**
   * With WRITE_DELAY 0 (Jotter's setting) a commit is in the file when it returns; with H2's
   * default (500 ms) it is written later, so a crash right after the commit loses it.
   */
  @Test
  void withWriteDelayZeroACommitIsInTheFileWhenItReturns() throws Exception {
    assertThat(missingFromCrashImages(0, 60)).isZero();
    assertThat(missingFromCrashImages(500, 20))
        .as("with H2's default write delay, commits are written later")
        .isPositive();
  }

  /** Commits rows one by one and counts those a crash image right after each commit lacks. */
  private int missingFromCrashImages(int writeDelay, int commits) throws Exception {
    Path db = dir.resolve("delay" + writeDelay);
    Path file = Path.of(db + ".mv.db");
    int missing = 0;
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("SET WRITE_DELAY " + writeDelay);
        s.execute("create table post (id int primary key, body varchar(4000))");
      }
      c.setAutoCommit(false);
      for (int id = 0; id < commits; id++) {
        try (PreparedStatement ps = c.prepareStatement("insert into post values (?, ?)")) {
          ps.setInt(1, id);
          ps.setString(2, "body ".repeat(500));
          ps.executeUpdate();
        }
        c.commit();
        Path image = crashImage(file, "sql");
        EmbeddedH2.recover(image);
        String url = "jdbc:h2:file:" + image.toString().replace(".mv.db", "");
        try (Connection after = DriverManager.getConnection(url, "sa", "");
            PreparedStatement ps =
                after.prepareStatement("select count(*) from post where id = ?")) {
          ps.setInt(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            missing += rs.getInt(1) == 1 ? 0 : 1;
          }
        } catch (SQLException e) {
          missing++; // not even the table was written yet
        }
      }
    }
    return missing;
  }

  /** A copy of the file as it is now (each kind of image overwrites its previous one). */
  private Path crashImage(Path file, String kind) throws Exception {
    Path image = dir.resolve(kind + "-image.mv.db");
    Files.copy(file, image, StandardCopyOption.REPLACE_EXISTING);
    return image;
  }

  private static String latest(Path file) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      return store.<Integer, String>openMap("posts").get(-1);
    } finally {
      store.close();
    }
  }
}
