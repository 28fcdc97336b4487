package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Moving in and out over HTTP, as an administrator would: a file is checked (the dry run's report),
 * run as a background job followed with importJob, its posts keep their dates, statuses, tags and
 * authors and reach search, related and the feeds; importing it again changes nothing; hostile
 * files get clear errors; the export streams a zip that imports into an empty Jotter as the same
 * posts.
 */
class ImportExportIT extends StaffIT {

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final String run = UUID.randomUUID().toString().substring(0, 8);

  HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(120)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> importFile(URI base, String token, String format, byte[] file) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/imports?format=" + format))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(file));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  static JsonObject json(HttpResponse<byte[]> res) {
    return GraphQLClient.json(new String(res.body(), StandardCharsets.UTF_8));
  }

  /** The dry run's report, which must be 201. */
  JsonObject dryRun(URI base, String token, String format, byte[] file) {
    HttpResponse<byte[]> res = importFile(base, token, format, file);
    assertThat(res.statusCode()).as(new String(res.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    return json(res);
  }

  static void assertError(HttpResponse<byte[]> res, int status, String code) {
    String text = new String(res.body(), StandardCharsets.UTF_8);
    assertThat(res.statusCode()).as(text).isEqualTo(status);
    JsonObject error = json(res).getJsonArray("errors").getJsonObject(0);
    assertThat(error.getJsonObject("extensions").getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(text).doesNotContain("<html", "Exception", "at dev.jotter");
  }

  static final String JOB =
      "{ id state done total created updated skipped failed images imagesRestored imagesFailed"
          + " errors { sourceId title reason } }";

  /** Starts a checked import and waits (at most two minutes) until it has run. */
  static JsonObject runImport(GraphQLClient on, String token, String id) {
    JsonObject started =
        on.query(
            "mutation($id: ID!) { startImport(id: $id) " + JOB + " }",
            StaffFixture.vars("id", id),
            token);
    assertThat(started.containsKey("errors")).as(started.toString()).isFalse();
    String state = started.getJsonObject("data").getJsonObject("startImport").getString("state");
    assertThat(state).isIn("RUNNING", "DONE");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject job =
          on.query(
                  "query($id: ID!) { importJob(id: $id) " + JOB + " }",
                  StaffFixture.vars("id", id),
                  token)
              .getJsonObject("data")
              .getJsonObject("importJob");
      if (!job.getString("state").equals("RUNNING")) {
        return job;
      }
      sleep(200);
    }
    throw new AssertionError("import " + id + " still running after two minutes");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  Map<String, String> markdownBlog() {
    OffsetDateTime scheduled =
        OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "posts/europa.md",
        "---\ntitle: Oceans of Europa "
            + run
            + "\nslug: oceans-of-europa-"
            + run
            + "\ndate: 2019-04-05T06:07:08+02:00\nstatus: published\n"
            + "tags: [Moons "
            + run
            + ", Ice "
            + run
            + "]\nauthors: [Io Writer "
            + run
            + ", astro]\nexcerpt: Under the ice of Europa.\n"
            + "featureImage: {url: \"https://example.com/europa.jpg\", alt: Europa's ice}\n"
            + "seo: {metaTitle: Europa meta "
            + run
            + "}\n---\n\n## Salt water under ice\n\nThe zorblax"
            + run
            + " ocean under the ice shell of Europa holds salt water, tides and heat.\n");
    files.put(
        "posts/enceladus.md",
        "---\ntitle: Geysers of Enceladus "
            + run
            + "\nslug: geysers-of-enceladus-"
            + run
            + "\ndate: 2019-05-06\ntags: [Moons "
            + run
            + "]\n---\nSalt water ocean under the ice shell of Enceladus, with tides and heat and geysers.\n");
    files.put(
        "drafts/titan.md",
        "---\ntitle: Lakes of Titan "
            + run
            + "\nslug: lakes-of-titan-"
            + run
            + "\nstatus: draft\n---\nMethane.\n");
    files.put(
        "drafts/callisto.md",
        "---\ntitle: Callisto later "
            + run
            + "\nslug: callisto-later-"
            + run
            + "\nstatus: scheduled\ndate: "
            + scheduled
            + "\n---\nLater.\n");
    files.put("broken.md", "---\nslug: no-title-" + run + "\n---\nA post without a title.\n");
    return files;
  }

  @Test
  void aMarkdownImportIsCheckedRunInTheBackgroundAndKeepsDatesTagsAndAuthors() {
    byte[] file = zip(markdownBlog());
    JsonObject report = dryRun(client.base(), admin, "markdown", file);
    assertThat(report.getInt("total")).isEqualTo(5);
    JsonObject counts = report.getJsonObject("counts");
    assertThat(counts.getInt("create")).isEqualTo(4);
    assertThat(counts.getInt("error")).isEqualTo(1);
    JsonObject broken =
        report.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getString("sourceId").equals("broken.md"))
            .findFirst()
            .orElseThrow();
    assertThat(broken.getString("action")).isEqualTo("ERROR");
    assertThat(broken.getString("reason")).contains("title");
    // the dry run changed nothing
    assertThat(
            client
                .data(
                    "query($s: String!) { post(slug: $s) { id } }",
                    StaffFixture.vars("s", "oceans-of-europa-" + run))
                .isNull("post"))
        .isTrue();

    JsonObject job = runImport(client, admin, report.getString("id"));
    assertThat(job.getString("state")).isEqualTo("DONE");
    assertThat(job.getInt("done")).isEqualTo(5);
    assertThat(job.getInt("created")).isEqualTo(4);
    assertThat(job.getInt("failed")).isEqualTo(1);
    assertThat(job.getJsonArray("errors").getJsonObject(0).getString("reason")).contains("title");

    JsonObject post =
        client
            .data(
                "query($s: String!) { post(slug: $s) { publishedAt excerpt featureImage { url alt }"
                    + " tags { name slug } authors { name } seo { metaTitle } } }",
                StaffFixture.vars("s", "oceans-of-europa-" + run))
            .getJsonObject("post");
    assertThat(Instant.parse(post.getString("publishedAt").replaceFirst("\\+00:00$", "Z")))
        .isEqualTo(OffsetDateTime.parse("2019-04-05T06:07:08+02:00").toInstant());
    assertThat(post.getString("excerpt")).isEqualTo("Under the ice of Europa.");
    assertThat(post.getJsonObject("featureImage").getString("alt")).isEqualTo("Europa's ice");
    assertThat(post.getJsonArray("tags").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("name"))
        .containsExactly("Moons " + run, "Ice " + run);
    assertThat(post.getJsonArray("authors").getValuesAs(JsonObject.class))
        .extracting(a -> a.getString("name"))
        .containsExactly("Io Writer " + run, "astro");
    assertThat(post.getJsonObject("seo").getString("metaTitle")).isEqualTo("Europa meta " + run);
    // the new author is a card, not a staff account
    JsonObject staffUsers = staff.data(admin, "{ staffUsers(first: 100) { author { name } } }");
    assertThat(staffUsers.toString()).doesNotContain("Io Writer " + run);

    // discovery and the feeds followed through the change log
    JsonObject search =
        client.data(
            "query($q: String!) { search(query: $q) { edges { node { post { slug } } } } }",
            StaffFixture.vars("q", "zorblax" + run));
    assertThat(search.toString()).contains("oceans-of-europa-" + run);
    assertThat(relatedSlugs("oceans-of-europa-" + run)).contains("geysers-of-enceladus-" + run);
    String tagSlug = post.getJsonArray("tags").getJsonObject(0).getString("slug");
    String rss = client.get("/tag/" + tagSlug + "/rss.xml").body();
    assertThat(rss).contains("oceans-of-europa-" + run, "geysers-of-enceladus-" + run);
    assertThat(rss).doesNotContain("lakes-of-titan-" + run, "callisto-later-" + run);

    // the draft and the scheduled post kept their statuses
    JsonObject drafts =
        staff.data(admin, "{ drafts(first: 100) { nodes { slug status publishedAt } } }");
    assertThat(drafts.toString())
        .contains("lakes-of-titan-" + run)
        .contains("callisto-later-" + run);

    // the same file again changes nothing
    JsonObject again = dryRun(client.base(), admin, "markdown", file);
    assertThat(again.getJsonObject("counts").getInt("skip")).as(again.toString()).isEqualTo(4);
    assertThat(again.getJsonObject("counts").getInt("create")).isZero();
    assertThat(again.getJsonObject("counts").getInt("update")).isZero();
    JsonObject second = runImport(client, admin, again.getString("id"));
    assertThat(second.getInt("skipped")).isEqualTo(4);
    assertThat(second.getInt("created") + second.getInt("updated")).isZero();
    JsonObject startedAgain =
        client.query(
            "mutation($id: ID!) { startImport(id: $id) { state } }",
            StaffFixture.vars("id", again.getString("id")),
            admin);
    assertThat(code(startedAgain)).isEqualTo("BAD_USER_INPUT");
  }

  List<String> relatedSlugs(String slug) {
    return client
        .data(
            "query($s: String!) { post(slug: $s) { related(first: 5) { post { slug } } } }",
            StaffFixture.vars("s", slug))
        .getJsonObject("post")
        .getJsonArray("related")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(r -> r.getJsonObject("post").getString("slug"))
        .toList();
  }

  @Test
  void hostileOrWrongFilesGetClearErrorsAndChangeNothing() {
    assertError(
        importFile(
            client.base(),
            admin,
            "markdown",
            zip(Map.of("../evil-" + run + ".md", "---\ntitle: x\n---\n"))),
        400,
        "UNSAFE_FILE");
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bomb)) {
      out.putNextEntry(new ZipEntry("bomb.md"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 100; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertError(
        importFile(client.base(), admin, "markdown", bomb.toByteArray()), 400, "UNSAFE_FILE");
    assertError(
        importFile(client.base(), admin, "markdown", new byte[] {'P', 'K', 3, 4, 0, 0}),
        400,
        "MALFORMED_FILE");
    assertError(importFile(client.base(), admin, "pdf", new byte[] {1}), 400, "BAD_REQUEST");
    assertError(
        importFile(client.base(), null, "markdown", new byte[] {1}), 401, "UNAUTHENTICATED");
    assertError(
        importFile(client.base(), staff.as("EDITOR"), "markdown", new byte[] {1}),
        403,
        "FORBIDDEN");
    // 60 MB of JSON: refused by its length, before it is read
    byte[] huge = new byte[60 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    HttpResponse<byte[]> tooLarge =
        send(
            HttpRequest.newBuilder(client.base().resolve("/imports?format=ghost"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
    assertError(tooLarge, 413, "PAYLOAD_TOO_LARGE");

    JsonObject unknown =
        client.query("mutation { startImport(id: \"0123abcd\") { state } }", null, admin);
    assertThat(code(unknown)).isEqualTo("NOT_FOUND");
    JsonObject byEditor =
        client.query("query { importJob(id: \"0123abcd\") { state } }", null, staff.as("EDITOR"));
    assertThat(code(byEditor)).isEqualTo("FORBIDDEN");
    HttpResponse<byte[]> exportByEditor =
        send(
            HttpRequest.newBuilder(client.base().resolve("/exports/markdown.zip"))
                .header("Authorization", "Bearer " + staff.as("EDITOR")));
    assertError(exportByEditor, 403, "FORBIDDEN");
  }

  byte[] exportZip(URI base, String token) {
    HttpResponse<byte[]> res =
        send(
            HttpRequest.newBuilder(base.resolve("/exports/markdown.zip"))
                .header("Authorization", "Bearer " + token));
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type")).hasValue("application/zip");
    return res.body();
  }

  static Map<String, String> unzip(byte[] zip) {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(
            e.getName(),
            e.getName().endsWith(".md")
                ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                : "(bytes)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Uploads an image as an administrator; answers its URL. */
  String upload(String contentType, byte[] image) {
    HttpResponse<byte[]> res =
        send(
            HttpRequest.newBuilder(client.base().resolve("/images"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)));
    assertThat(res.statusCode()).as(new String(res.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    return json(res).getString("url");
  }

  HttpResponse<byte[]> get(URI base, String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)));
  }

  @Test
  void theExportIsAZipThatImportsIntoAnEmptyJotterAsTheSamePosts() {
    onH2Only();
    // uploads of this run (a gradient with the run in its size, so the bytes are new): a body
    // image with variants and a feature image
    int width = 1201 + Math.floorMod(run.hashCode(), 300);
    String body = upload("image/png", TestImages.png(width, 700));
    String feature = upload("image/jpeg", TestImages.jpeg(640, 480));
    // a post of this test, so the export has one with co-authors, an excerpt, internal tags and
    // uploaded images
    byte[] mine =
        zip(
            Map.of(
                "mine.md",
                "---\ntitle: Round trip "
                    + run
                    + "\nslug: round-trip-"
                    + run
                    + "\ndate: 2020-02-02T02:02:02Z\ntags: [Trips "
                    + run
                    + ", \"#internal"
                    + run
                    + "\"]\nauthors: [astro, Co Writer "
                    + run
                    + "]\nexcerpt: There and back.\nfeatureImage: {url: \""
                    + feature
                    + "\", alt: A moon}\n---\n## There\n\n![Europa]("
                    + body
                    + ")\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```java\nint x;\n```\n"));
    runImport(client, admin, dryRun(client.base(), admin, "markdown", mine).getString("id"));
    String bodyVariant = body.replace(".png", "-600w.png");

    byte[] export = exportZip(client.base(), admin);
    Map<String, String> files = unzip(export);
    assertThat(files).containsKey("posts/round-trip-" + run + ".md");
    assertThat(files.get("posts/round-trip-" + run + ".md"))
        .startsWith("---\n")
        .contains("title: Round trip " + run, "date: 2020-02-02T02:02:02Z", "There and back.");

    // the export imported into the blog it came from changes nothing
    JsonObject same = dryRun(client.base(), admin, "markdown", export);
    assertThat(same.getJsonObject("counts").getInt("create")).as(same.toString()).isZero();
    assertThat(same.getJsonObject("counts").getInt("update")).as(same.toString()).isZero();
    assertThat(same.getJsonObject("counts").getInt("error")).as(same.toString()).isZero();
    assertThat(same.getJsonObject("images").getInt("restore")).as(same.toString()).isZero();
    assertThat(same.getJsonObject("images").getInt("present")).isGreaterThanOrEqualTo(2);
    assertThat(files)
        .containsKeys(body.substring(1), bodyVariant.substring(1), feature.substring(1));

    Map<String, JsonObject> here = everyPost(client, admin);
    assertThat(here.get("round-trip-" + run).getString("html")).contains("srcset", bodyVariant);
    try (LibertyProcess empty = emptyServer("importEmpty")) {
      empty.start();
      GraphQLClient there = new GraphQLClient(empty.base());
      String token = new StaffFixture(there).login(EMPTY_ADMIN, EMPTY_PASSWORD);
      assertThat(everyPost(there, token)).isEmpty();
      for (String path : List.of(body, bodyVariant, feature)) {
        assertThat(get(empty.base(), path).statusCode()).as(path).isEqualTo(404);
      }
      JsonObject report = dryRun(empty.base(), token, "markdown", export);
      JsonObject images = report.getJsonObject("images");
      assertThat(images.getInt("restore")).as(report.toString()).isGreaterThanOrEqualTo(2);
      assertThat(images.getInt("present")).isZero();
      assertThat(images.getInt("ignored")).isZero();
      JsonObject job = runImport(there, token, report.getString("id"));
      assertThat(job.getString("state")).isEqualTo("DONE");
      assertThat(job.getInt("failed")).as(job.toString()).isZero();
      assertThat(job.getInt("imagesFailed")).as(job.toString()).isZero();
      assertThat(job.getInt("imagesRestored")).isEqualTo(images.getInt("restore"));
      Map<String, JsonObject> imported = everyPost(there, token);
      assertThat(imported.keySet()).containsExactlyInAnyOrderElementsOf(here.keySet());
      for (Map.Entry<String, JsonObject> post : here.entrySet()) {
        JsonObject a = post.getValue();
        JsonObject b = imported.get(post.getKey());
        for (String field :
            List.of(
                "title",
                "status",
                "tags",
                "authors",
                "excerpt",
                "markdown",
                "featureImage",
                "html")) {
          assertThat(b.get(field)).as(post.getKey() + " " + field).isEqualTo(a.get(field));
        }
        assertThat(instant(b.get("publishedAt")))
            .as(post.getKey() + " date")
            .isEqualTo(instant(a.get("publishedAt")));
      }
      // the uploads answer there as here, byte for byte
      for (String path : List.of(body, bodyVariant, feature)) {
        HttpResponse<byte[]> original = get(client.base(), path);
        HttpResponse<byte[]> restored = get(empty.base(), path);
        assertThat(original.statusCode()).as(path).isEqualTo(200);
        assertThat(restored.statusCode()).as(path).isEqualTo(200);
        assertThat(restored.body()).as(path).isEqualTo(original.body());
        assertThat(restored.headers().firstValue("Content-Type"))
            .isEqualTo(original.headers().firstValue("Content-Type"));
      }
      assertThat(
              imported.get("round-trip-" + run).getJsonObject("featureImage").getString("srcset"))
          .isEqualTo(
              here.get("round-trip-" + run).getJsonObject("featureImage").getString("srcset"));

      // the same export again changes nothing, images included
      JsonObject again = dryRun(empty.base(), token, "markdown", export);
      assertThat(again.getJsonObject("images").getInt("restore")).as(again.toString()).isZero();
      assertThat(again.getJsonObject("images").getInt("present"))
          .isEqualTo(images.getInt("restore"));
      assertThat(again.getJsonObject("counts").getInt("create")).isZero();
      assertThat(again.getJsonObject("counts").getInt("update")).isZero();
      JsonObject second = runImport(there, token, again.getString("id"));
      assertThat(second.getInt("imagesRestored")).isZero();
      assertThat(second.getInt("created") + second.getInt("updated")).isZero();
    }
  }

  @Test
  void anExportsImagesAreCheckedAndBadOnesReportedWhileItsPostsImport() {
    String id = "00" + run + "abcdef".substring(0, 6);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "posts/with-image.md",
        ("---\ntitle: Bad image "
                + run
                + "\nslug: bad-image-"
                + run
                + "\n---\n![x](/images/"
                + id
                + "/fake.png)\n")
            .getBytes(StandardCharsets.UTF_8));
    entries.put("images/" + id + "/fake.png", "<html>not an image</html>".getBytes());
    entries.put("images/" + id + "/Bad Name.png", TestImages.png(10, 10));
    byte[] file = zipBytes(entries);
    JsonObject report = dryRun(client.base(), admin, "markdown", file);
    JsonObject images = report.getJsonObject("images");
    assertThat(images.getInt("ignored")).as(report.toString()).isEqualTo(1);
    assertThat(images.getJsonArray("ignoredEntries").getJsonObject(0).getString("entry"))
        .isEqualTo("images/" + id + "/Bad Name.png");
    assertThat(images.getInt("restore")).isEqualTo(1);
    JsonObject job = runImport(client, admin, report.getString("id"));
    assertThat(job.getString("state")).isEqualTo("DONE");
    assertThat(job.getInt("created")).isEqualTo(1);
    assertThat(job.getInt("imagesFailed")).isEqualTo(1);
    assertThat(job.getJsonArray("errors").getJsonObject(0).getString("sourceId"))
        .isEqualTo("images/" + id + "/fake.png");
    assertThat(job.getJsonArray("errors").getJsonObject(0).getString("reason"))
        .contains("not restored", "not an image Jotter accepts");
    assertThat(get(client.base(), "/images/" + id + "/fake.png").statusCode()).isEqualTo(404);
    // a path out of the archive under images/ refuses the whole file, as before
    Map<String, byte[]> evil = new LinkedHashMap<>(entries);
    evil.put("images/../../evil-" + run + ".png", TestImages.png(10, 10));
    assertError(importFile(client.base(), admin, "markdown", zipBytes(evil)), 400, "UNSAFE_FILE");
  }

  @Test
  void anImportWhoseServerWasKilledIsReportedInterruptedAfterTheRestart() {
    onH2Only();
    Map<String, String> posts = new LinkedHashMap<>();
    for (int i = 0; i < KILLED_IMPORT_POSTS; i++) {
      posts.put(
          "posts/p" + i + ".md",
          "---\ntitle: Post "
              + i
              + "\nslug: post-"
              + i
              + "\ndate: 2021-01-01\n---\nText "
              + i
              + ".\n");
    }
    byte[] file = zip(posts);
    try (LibertyProcess server = emptyServer("importCrash")) {
      server.start();
      GraphQLClient on = new GraphQLClient(server.base());
      String token = new StaffFixture(on).login(EMPTY_ADMIN, EMPTY_PASSWORD);
      String id = dryRun(server.base(), token, "markdown", file).getString("id");
      JsonObject started =
          on.query(
              "mutation($id: ID!) { startImport(id: $id) { state } }",
              StaffFixture.vars("id", id),
              token);
      assertThat(started.containsKey("errors")).as(started.toString()).isFalse();
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      JsonObject job;
      do {
        sleep(100);
        job = importJob(on, token, id);
      } while (job.getInt("done") == 0 && System.nanoTime() < deadline);
      assertThat(job.getString("state")).as(job.toString()).isEqualTo("RUNNING");
      server.kill();
      server.start();

      JsonObject after = importJob(on, token, id);
      assertThat(after.getString("state")).as(after.toString()).isEqualTo("FAILED");
      assertThat(after.getInt("done")).isLessThan(KILLED_IMPORT_POSTS);
      List<JsonObject> errors = after.getJsonArray("errors").getValuesAs(JsonObject.class);
      assertThat(errors.get(errors.size() - 1).getString("reason"))
          .startsWith("interrupted: the server running this import")
          .contains("send the file again");
      JsonObject restart =
          on.query(
              "mutation($id: ID!) { startImport(id: $id) { state } }",
              StaffFixture.vars("id", id),
              token);
      assertThat(code(restart)).isEqualTo("BAD_USER_INPUT");

      // the same file again: what was saved is skipped, the rest created
      JsonObject again = dryRun(server.base(), token, "markdown", file);
      JsonObject counts = again.getJsonObject("counts");
      assertThat(counts.getInt("create") + counts.getInt("skip")).isEqualTo(KILLED_IMPORT_POSTS);
      assertThat(counts.getInt("skip")).isGreaterThan(0);
      JsonObject done = runImport(on, token, again.getString("id"));
      assertThat(done.getString("state")).isEqualTo("DONE");
      assertThat(done.getInt("failed")).isZero();
    }
  }

  static JsonObject importJob(GraphQLClient on, String token, String id) {
    return on.query(
            "query($id: ID!) { importJob(id: $id) " + JOB + " }",
            StaffFixture.vars("id", id),
            token)
        .getJsonObject("data")
        .getJsonObject("importJob");
  }

  static byte[] zipBytes(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        out.putNextEntry(new ZipEntry(file.getKey()));
        out.write(file.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] sample(String name) {
    try {
      return java.nio.file.Files.readAllBytes(
          java.nio.file.Path.of("../shared/import-samples", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theGhostSampleImportsItsPostsKeepingSeoDatesAndStatusesAndSkipsItsPage() {
    byte[] file = sample("ghost-5.130.4-export.json");
    JsonObject report = dryRun(client.base(), admin, "ghost", file);
    assertThat(report.getInt("total")).isEqualTo(30);
    JsonObject counts = report.getJsonObject("counts");
    assertThat(counts.getInt("error")).as(report.toString()).isZero();
    assertThat(counts.getInt("skip")).isEqualTo(1);
    assertThat(counts.getInt("create")).isEqualTo(29);
    JsonObject page =
        report.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getString("action").equals("SKIP"))
            .findFirst()
            .orElseThrow();
    assertThat(page.getString("slug")).isEqualTo("about");
    assertThat(page.getString("reason")).contains("no pages");

    JsonObject job = runImport(client, admin, report.getString("id"));
    assertThat(job.getString("state")).isEqualTo("DONE");
    assertThat(job.getInt("created")).isEqualTo(29);
    assertThat(job.getInt("skipped")).isEqualTo(1);
    assertThat(job.getInt("failed")).isZero();

    JsonObject seo =
        client
            .data(
                "{ post(slug: \"x-seo-code\") { publishedAt markdown seo { metaTitle ogTitle"
                    + " canonicalUrl } featureImage { alt } } }")
            .getJsonObject("post");
    assertThat(seo.getJsonObject("seo").getString("metaTitle")).isEqualTo("SEO title here");
    assertThat(seo.getJsonObject("seo").getString("ogTitle")).isEqualTo("OG title");
    assertThat(seo.getJsonObject("seo").getString("canonicalUrl"))
        .isEqualTo("https://elsewhere.example.com/original");
    assertThat(instant(seo.get("publishedAt"))).isEqualTo(Instant.parse("2026-12-01T20:44:34Z"));
    JsonObject internal =
        client.data("{ post(slug: \"x-internal-tag\") { excerpt } }").getJsonObject("post");
    assertThat(internal.getString("excerpt")).startsWith("An excerpt the author wrote");
    String drafts =
        staff.data(admin, "{ drafts(first: 100) { nodes { slug status } } }").toString();
    assertThat(drafts).contains("x-draft-orbits").contains("x-scheduled-launch");

    JsonObject again = dryRun(client.base(), admin, "ghost", file);
    assertThat(again.getJsonObject("counts").getInt("skip")).as(again.toString()).isEqualTo(30);
  }

  @Test
  void theWordPressSampleImportsItsPostsAndSkipsPagesAttachmentsAndMenus() {
    byte[] file = sample("wordpress-theme-unit-test.wxr.xml");
    JsonObject report = dryRun(client.base(), admin, "wordpress", file);
    JsonObject counts = report.getJsonObject("counts");
    int create = counts.getInt("create");
    int error = counts.getInt("error");
    assertThat(report.getInt("total")).isEqualTo(186);
    assertThat(create).as(report.toString()).isGreaterThanOrEqualTo(30);
    assertThat(report.getJsonArray("items").getValuesAs(JsonObject.class))
        .filteredOn(i -> i.getString("action").equals("SKIP"))
        .extracting(i -> i.getString("reason"))
        .anySatisfy(r -> assertThat(r).contains("page"))
        .anySatisfy(r -> assertThat(r).contains("attachment"))
        .anySatisfy(r -> assertThat(r).contains("nav menu item"));
    JsonObject job = runImport(client, admin, report.getString("id"));
    assertThat(job.getString("state")).isEqualTo("DONE");
    assertThat(job.getInt("created")).isEqualTo(create);
    assertThat(job.getInt("failed")).isEqualTo(error);
    assertThat(job.getInt("done")).isEqualTo(186);
    // the scheduled post keeps the site's time: 12:00:18 at UTC-7
    String drafts =
        staff
            .data(admin, "{ drafts(first: 100) { nodes { slug status publishedAt } } }")
            .toString();
    assertThat(drafts).contains("\"slug\":\"scheduled\"");
    JsonObject scheduled =
        staff
            .data(admin, "{ drafts(first: 100) { nodes { slug status publishedAt } } }")
            .getJsonObject("drafts")
            .getJsonArray("nodes")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(n -> n.getString("slug").equals("scheduled"))
            .findFirst()
            .orElseThrow();
    assertThat(scheduled.getString("status")).isEqualTo("SCHEDULED");
    assertThat(instant(scheduled.get("publishedAt")))
        .isEqualTo(Instant.parse("2030-01-01T19:00:18Z"));

    // entity expansion: a clear error, fast
    StringBuilder laughs =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"lol\">");
    for (int i = 1; i < 10; i++) {
      laughs.append("<!ENTITY ").append((char) ('a' + i)).append(" \"");
      laughs.append(("&" + (char) ('a' + i - 1) + ";").repeat(10)).append("\">");
    }
    laughs.append("]><rss><channel><item><title>&j;</title></item></channel></rss>");
    long started = System.nanoTime();
    assertError(
        importFile(
            client.base(), admin, "wordpress", laughs.toString().getBytes(StandardCharsets.UTF_8)),
        400,
        "UNSAFE_FILE");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    assertError(
        importFile(
            client.base(),
            admin,
            "wordpress",
            "<rss><channel><item>".getBytes(StandardCharsets.UTF_8)),
        400,
        "MALFORMED_FILE");
  }

  @Test
  void theGhostJsonExportStreamsTheBlogAndImportsBackUnchanged() {
    HttpResponse<byte[]> res =
        send(
            HttpRequest.newBuilder(client.base().resolve("/exports/ghost.json"))
                .header("Authorization", "Bearer " + admin));
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonObject data = json(res).getJsonArray("db").getJsonObject(0).getJsonObject("data");
    assertThat(data.getJsonArray("posts")).isNotEmpty();
    assertThat(data.getJsonArray("posts_authors").size())
        .isGreaterThanOrEqualTo(data.getJsonArray("posts").size());
    assertThat(data.getJsonArray("users")).isNotEmpty();
    JsonObject same = dryRun(client.base(), admin, "ghost", res.body());
    assertThat(same.getJsonObject("counts").getInt("create")).as(same.toString()).isZero();
    assertThat(same.getJsonObject("counts").getInt("update")).as(same.toString()).isZero();
    assertThat(same.getJsonObject("counts").getInt("error")).as(same.toString()).isZero();
  }

  /** Enough posts that the import is still running when the server is killed (~24 posts/s). */
  static final int KILLED_IMPORT_POSTS = 400;

  /**
   * The tests with a server of their own run in the H2 suite only: that server uses the embedded H2
   * database in both suites, so the PostgreSQL suite would repeat them (each start costs ~30 s).
   */
  static void onH2Only() {
    Assumptions.assumeFalse(
        "postgresql".equals(System.getProperty("jotter.it.database")),
        "a server of its own, on H2 in either suite: run in the H2 suite");
  }

  static final String EMPTY_ADMIN = "admin@empty.test";
  static final String EMPTY_PASSWORD = "an empty blog password";

  /** A Jotter of its own on port 9337, without the demo blog, with one administrator. */
  static LibertyProcess emptyServer(String name) {
    return LibertyProcess.create(
        name,
        9337,
        Map.of(
            "JOTTER_DEMO_SEED",
            "false",
            "JOTTER_ADMIN_EMAIL",
            EMPTY_ADMIN,
            "JOTTER_ADMIN_PASSWORD",
            EMPTY_PASSWORD,
            "JOTTER_ADMIN_NAME",
            "Empty Admin"));
  }

  static Instant instant(JsonValue value) {
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? null
        : OffsetDateTime.parse(((jakarta.json.JsonString) value).getString()).toInstant();
  }

  /** Every post that is not in the trash, by slug: published ones and drafts or scheduled ones. */
  static Map<String, JsonObject> everyPost(GraphQLClient on, String token) {
    String fields =
        "{ slug title status publishedAt html excerpt markdown tags { slug } authors { slug }"
            + " featureImage { url alt width height srcset } }";
    Map<String, JsonObject> posts = new HashMap<>();
    for (String list : List.of("posts", "drafts")) {
      String after = null;
      while (true) {
        JsonObject page =
            on.query(
                    "query($a: String) { "
                        + list
                        + "(first: 100, after: $a) { pageInfo { hasNextPage endCursor } nodes "
                        + fields
                        + " } }",
                    StaffFixture.vars("a", after),
                    token)
                .getJsonObject("data")
                .getJsonObject(list);
        for (JsonObject node : page.getJsonArray("nodes").getValuesAs(JsonObject.class)) {
          posts.put(node.getString("slug"), node);
        }
        if (!page.getJsonObject("pageInfo").getBoolean("hasNextPage")) {
          break;
        }
        after = page.getJsonObject("pageInfo").getString("endCursor");
      }
    }
    return posts;
  }

  static List<String> keys(Map<String, ?> map) {
    return new ArrayList<>(map.keySet());
  }
}
