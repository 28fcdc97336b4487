package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The writing desk (/admin/) in a real browser: runs the Playwright tests of src/test/browser that
 * start with {@code desk} (Node's test runner, Debian's Chromium) against a Jotter server of its
 * own, a fresh demo blog that nobody has claimed yet. desk.test.mjs claims it in the browser and
 * walks the author's journey; desk-admin.test.mjs then runs the staff, tags, settings, webhooks and
 * profile pages (it signs in, or claims the blog itself if the journey failed before claiming).
 * Skipped where Chromium is not installed; .ci/run installs it. Screenshots land in
 * target/screenshots.
 */
class WritingDeskIT {

  static final String ADMIN_EMAIL = "desk-admin@example.com";
  static final String ADMIN_PASSWORD = "a long desk password";

  @Test
  void theWritingDeskWorksInABrowser() throws Exception {
    assumeTrue(
        BrowserReaderPagesIT.CHROMIUM.canExecute(),
        "Chromium is not installed (apt-get install chromium)");
    File dir = new File(System.getProperty("jotter.browser.dir", "src/test/browser"));
    // desk-admin.test.mjs subscribes a webhook receiver of its own on loopback
    Map<String, String> serverEnv =
        Map.of("JOTTER_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", "127.0.0.1/32");
    try (LibertyProcess server = LibertyProcess.create("deskServer", 9305, serverEnv)) {
      server.start();
      Map<String, String> env =
          Map.of(
              "JOTTER_URL",
              server.base().toString(),
              "SCREENSHOT_DIR",
              new File(System.getProperty("jotter.screenshot.dir", "target/screenshots"))
                  .getAbsolutePath(),
              "DESK_ADMIN_EMAIL",
              ADMIN_EMAIL,
              "DESK_ADMIN_PASSWORD",
              ADMIN_PASSWORD);
      // one after the other: the journey claims the blog that the admin pages then sign in to
      BoundedProcess.Result journey = run(dir, env, "desk.test.mjs");
      BoundedProcess.Result admin = run(dir, env, "desk-admin.test.mjs");
      for (BoundedProcess.Result result : List.of(journey, admin)) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsPattern("# fail 0");
      }
    }
  }

  private static BoundedProcess.Result run(File dir, Map<String, String> env, String file)
      throws Exception {
    BoundedProcess.Result run =
        BoundedProcess.run(dir, env, Duration.ofMinutes(5), "node", "--test", file);
    System.out.println(run.output());
    return run;
  }
}
