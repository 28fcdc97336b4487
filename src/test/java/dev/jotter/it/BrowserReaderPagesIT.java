package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reader pages in a real browser: runs the Playwright tests of src/test/browser (Node's test
 * runner, Debian's Chromium) against the test server with the demo blog. Named to run first
 * (failsafe runs classes alphabetically), while the demo blog is all the test database holds.
 * Skipped where Chromium is not installed; .ci/run installs it, so CI always runs them. Screenshots
 * land in target/screenshots.
 */
class BrowserReaderPagesIT extends HttpIT {

  static final File CHROMIUM = new File("/usr/bin/chromium");

  @Test
  void theReaderPagesWorkInABrowser() throws Exception {
    assumeTrue(CHROMIUM.canExecute(), "Chromium is not installed (apt-get install chromium)");
    File dir = new File(System.getProperty("jotter.browser.dir", "src/test/browser"));
    ProcessBuilder node =
        new ProcessBuilder("node", "--test", "reader.test.mjs")
            .directory(dir)
            .redirectErrorStream(true);
    node.environment().put("JOTTER_URL", base.toURI().resolve("/").toString().replaceAll("/$", ""));
    node.environment()
        .put(
            "SCREENSHOT_DIR",
            new File(System.getProperty("jotter.screenshot.dir", "target/screenshots"))
                .getAbsolutePath());
    Process run = node.start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("browser tests finished").isTrue();
    System.out.println(output);
    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).containsPattern("# fail 0");
  }
}
