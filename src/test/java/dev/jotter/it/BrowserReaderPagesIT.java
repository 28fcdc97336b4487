package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reader pages in a real browser: runs the Playwright tests of src/test/browser (Node's test
 * runner, Debian's Chromium) against a Jotter server of its own that holds the demo blog and
 * nothing else (what other test classes write never shows on its pages). Skipped where Chromium is
 * not installed; .ci/run installs it, so CI always runs them. Screenshots land in
 * target/screenshots.
 */
class BrowserReaderPagesIT {

  static final File CHROMIUM = new File("/usr/bin/chromium");

  @Test
  void theReaderPagesWorkInABrowser() throws Exception {
    assumeTrue(CHROMIUM.canExecute(), "Chromium is not installed (apt-get install chromium)");
    File dir = new File(System.getProperty("jotter.browser.dir", "src/test/browser"));
    try (LibertyProcess server = LibertyProcess.create("browserServer", 9293, Map.of())) {
      server.start();
      run(dir, server.base().toString(), previewLink(new GraphQLClient(server.base())));
    }
  }

  /** The blog claimed, a draft written and a preview link to it made, as an author would. */
  private static String previewLink(GraphQLClient client) {
    JsonObject setup =
        client.query(
            "mutation($e: String!, $p: String!) { setup(email: $e, name: \"astro\", password: $p)"
                + " { token } }",
            StaffFixture.vars("e", StaffFixture.ADMIN_EMAIL, "p", StaffFixture.PASSWORD));
    assertThat(setup.containsKey("errors")).as("setup: " + setup).isFalse();
    String token = setup.getJsonObject("data").getJsonObject("setup").getString("token");
    StaffFixture staff = new StaffFixture(client);
    String id =
        staff
            .data(
                token,
                "mutation($i: PostInput!) { createDraft(input: $i) { id } }",
                "i",
                StaffFixture.vars(
                    "title", "A draft about lunar gardens", "markdown", "## Soil\n\nRegolith."))
            .getJsonObject("createDraft")
            .getString("id");
    // the blog's secondary menu, which the pages show in the footer
    staff.data(
        token,
        "mutation($i: BlogSettingsInput!) { updateBlogSettings(input: $i) { title } }",
        "i",
        Json.createObjectBuilder()
            .add(
                "secondaryNavigation",
                Json.createArrayBuilder()
                    .add(StaffFixture.vars("label", "Colophon", "url", "/author/astro"))
                    .add(StaffFixture.vars("label", "Feed", "url", "/rss.xml")))
            .build());
    return staff
        .data(token, "mutation($id: ID!) { createPreviewLink(postId: $id) { url } }", "id", id)
        .getJsonObject("createPreviewLink")
        .getString("url");
  }

  private static void run(File dir, String url, String previewUrl) throws Exception {
    String screenshots =
        new File(System.getProperty("jotter.screenshot.dir", "target/screenshots"))
            .getAbsolutePath();
    BoundedProcess.Result run =
        BoundedProcess.run(
            dir,
            Map.of(
                "JOTTER_URL",
                url,
                "SCREENSHOT_DIR",
                screenshots,
                "PREVIEW_PATH",
                java.net.URI.create(previewUrl).getPath()),
            Duration.ofMinutes(5),
            "node",
            "--test",
            "reader.test.mjs");
    String output = run.output();
    System.out.println(output);
    assertThat(run.exitCode()).as(output).isZero();
    assertThat(output).containsPattern("# fail 0");
  }
}
