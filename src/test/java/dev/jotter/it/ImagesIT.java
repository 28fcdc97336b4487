package dev.jotter.it;

import static dev.jotter.it.StaffFixture.code;
import static dev.jotter.it.StaffFixture.vars;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Image uploads over HTTP, as an editor's frontend sends them: staff upload PNG and JPEG files
 * (multipart or as the body), get their URL, size and srcset, and the files are served immutable
 * without their metadata; posts pointing at an upload give readers width, height and srcset, in
 * GraphQL and in the body's HTML. Bad uploads get a clear JSON error and store nothing.
 */
class ImagesIT extends StaffIT {

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder images(String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(client.base().resolve("/images"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  HttpResponse<byte[]> uploadRaw(String token, String contentType, byte[] body) {
    return send(
        images(token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<byte[]> uploadForm(String token, String fileName, String contentType, byte[] file) {
    String boundary = "----jotter" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        images(token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(client.base().resolve(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  static JsonObject json(HttpResponse<byte[]> res) {
    assertThat(res.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return GraphQLClient.json(new String(res.body(), StandardCharsets.UTF_8));
  }

  /** A JSON error with this status and code, saying something, with no HTML or stack trace. */
  static void assertError(HttpResponse<byte[]> res, int status, String code) {
    String text = new String(res.body(), StandardCharsets.UTF_8);
    assertThat(res.statusCode()).as(text).isEqualTo(status);
    JsonObject error = json(res).getJsonArray("errors").getJsonObject(0);
    assertThat(error.getJsonObject("extensions").getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(text).doesNotContain("<html", "Exception", "at dev.jotter");
  }

  static BufferedImage decode(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  @Test
  void anAuthorUploadsAPngAndItsVariantsAreServedImmutable() throws Exception {
    String author = staff.as("AUTHOR");
    HttpResponse<byte[]> res =
        uploadForm(author, "Europa Ice.png", "image/png", TestImages.png(1201, 800));
    assertThat(res.statusCode()).as(new String(res.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    JsonObject image = json(res);
    String url = image.getString("url");
    assertThat(url).matches("/images/[0-9a-f]{16}/europa-ice\\.png");
    assertThat(res.headers().firstValue("Location")).hasValue(url);
    assertThat(image.getInt("width")).isEqualTo(1201);
    assertThat(image.getInt("height")).isEqualTo(800);
    assertThat(image.getString("contentType")).isEqualTo("image/png");
    List<JsonObject> variants = image.getJsonArray("variants").getValuesAs(JsonObject.class);
    assertThat(variants).extracting(v -> v.getInt("width")).containsExactly(600, 1000);
    String dir = url.substring(0, url.lastIndexOf('/') + 1);
    assertThat(image.getString("srcset"))
        .isEqualTo(
            dir
                + "europa-ice-600w.png 600w, "
                + dir
                + "europa-ice-1000w.png 1000w, "
                + url
                + " 1201w");

    for (JsonObject variant : variants) {
      HttpResponse<byte[]> file = get(variant.getString("url"));
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(file.headers().firstValue("Cache-Control"))
          .hasValue("public, max-age=31536000, immutable");
      BufferedImage pixels = decode(file.body());
      assertThat(pixels.getWidth()).isEqualTo(variant.getInt("width"));
      assertThat(pixels.getHeight()).isEqualTo(variant.getInt("height"));
      String etag = file.headers().firstValue("ETag").orElseThrow();
      HttpResponse<byte[]> again = get(variant.getString("url"), "If-None-Match", etag);
      assertThat(again.statusCode()).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }
    assertThat(decode(get(url).body()).getWidth()).isEqualTo(1201);

    // the same file again: the same image, stored once
    HttpResponse<byte[]> twice = uploadRaw(author, "image/png", TestImages.png(1201, 800));
    assertThat(twice.statusCode()).isEqualTo(201);
    assertThat(json(twice).getString("url")).isEqualTo(url);
  }

  @Test
  void aJpegIsStoredWithoutItsExifAndGpsPosition() throws Exception {
    String contributor = staff.as("CONTRIBUTOR");
    byte[] photo = TestImages.jpegWithGps(1100, 700);
    assertThat(TestImages.contains(photo, "Exif")).isTrue();
    HttpResponse<byte[]> res = uploadRaw(contributor, "image/jpeg", photo);
    assertThat(res.statusCode()).as(new String(res.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    JsonObject image = json(res);
    assertThat(image.getString("url")).endsWith(".jpg");
    assertThat(image.getString("contentType")).isEqualTo("image/jpeg");

    HttpResponse<byte[]> original = get(image.getString("url"));
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(TestImages.contains(original.body(), "Exif")).isFalse();
    assertThat(TestImages.contains(original.body(), "JotterCam")).isFalse();
    assertThat(decode(original.body()).getWidth()).isEqualTo(1100);
    for (JsonObject variant : image.getJsonArray("variants").getValuesAs(JsonObject.class)) {
      byte[] bytes = get(variant.getString("url")).body();
      assertThat(TestImages.contains(bytes, "Exif")).isFalse();
      assertThat(decode(bytes).getWidth()).isEqualTo(variant.getInt("width"));
    }
  }

  @Test
  void aWebPIsAcceptedAndStoredAsAFormatEveryBrowserShows() {
    HttpResponse<byte[]> res =
        uploadForm(staff.as("AUTHOR"), "tiny.webp", "image/webp", TestImages.WEBP_LOSSY);
    assertThat(res.statusCode()).as(new String(res.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    JsonObject image = json(res);
    assertThat(image.getString("contentType")).isEqualTo("image/jpeg");
    assertThat(image.getString("url")).endsWith("/tiny.jpg");
    assertThat(get(image.getString("url")).statusCode()).isEqualTo(200);
  }

  @Test
  void somethingThatIsNotAnImageIsRefusedClearly() {
    String author = staff.as("AUTHOR");
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    assertError(uploadRaw(author, "image/png", html), 400, "NOT_AN_IMAGE");
    assertError(uploadForm(author, "page.png", "image/png", html), 400, "NOT_AN_IMAGE");
    assertError(
        uploadRaw(author, "application/json", "{}".getBytes()), 415, "UNSUPPORTED_MEDIA_TYPE");
    assertError(
        uploadRaw(author, "image/png", TestImages.pngClaiming(100_000, 100_000)),
        413,
        "IMAGE_TOO_LARGE");
  }

  @Test
  void aFileOverTheLimitIs413() {
    String author = staff.as("AUTHOR");
    byte[] big = new byte[2 * 1024 * 1024 + 1]; // the test server's limit is 2 MB
    assertError(uploadRaw(author, "image/png", big), 413, "PAYLOAD_TOO_LARGE");
    assertError(uploadForm(author, "big.png", "image/png", big), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void uploadsNeedASignedInStaffUser() {
    byte[] png = TestImages.png(50, 50);
    assertError(uploadRaw(null, "image/png", png), 401, "UNAUTHENTICATED");
    assertError(uploadRaw("not.a.token", "image/png", png), 401, "UNAUTHENTICATED");
    assertError(uploadForm(null, "a.png", "image/png", png), 401, "UNAUTHENTICATED");
  }

  @Test
  void aStaffTokenFromAPageOnAnotherOriginIsRefused() {
    String author = staff.as("AUTHOR");
    HttpResponse<byte[]> res =
        send(
            images(author)
                .header("Origin", "https://elsewhere.example")
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(20, 20))));
    assertError(res, 403, "FORBIDDEN");
  }

  @Test
  void otherMethodsAndUnknownImagesAreJsonErrors() {
    String author = staff.as("AUTHOR");
    assertError(send(images(author).DELETE()), 405, "METHOD_NOT_ALLOWED");
    assertError(
        send(images(author).PUT(HttpRequest.BodyPublishers.ofByteArray(TestImages.png(5, 5)))),
        405,
        "METHOD_NOT_ALLOWED");
    assertError(send(images(author).GET()), 405, "METHOD_NOT_ALLOWED");
    assertError(get("/images/0123456789abcdef/nothing.png"), 404, "NOT_FOUND");
    assertError(get("/images/0123456789abcdef/nothing.gif"), 404, "NOT_FOUND");
    assertError(get("/images/0123456789abcdef/.upload-1.tmp"), 404, "NOT_FOUND");
    assertError(get("/images/nothing"), 404, "NOT_FOUND");
  }

  @Test
  void aPostShowingAnUploadGivesReadersItsSizeAndSrcset() {
    String author = staff.as("AUTHOR");
    JsonObject image = json(uploadRaw(author, "image/jpeg", TestImages.jpeg(2400, 1600)));
    String url = image.getString("url");
    String markdown =
        "Saturn's rings.\n\n![The rings](" + url + ")\n\n![Elsewhere](https://example.com/x.png)";
    JsonObject draft =
        staff
            .data(
                author,
                "mutation($i: PostInput!) { createDraft(input: $i) { id slug html"
                    + " featureImage { url alt width height srcset } } }",
                "i",
                Json.createObjectBuilder()
                    .add("title", "Rings " + System.nanoTime())
                    .add("markdown", markdown)
                    .add(
                        "featureImage",
                        Json.createObjectBuilder().add("url", url).add("alt", "Rings"))
                    .build())
            .getJsonObject("createDraft");
    JsonObject feature = draft.getJsonObject("featureImage");
    assertThat(feature.getString("url")).isEqualTo(url);
    assertThat(feature.getInt("width")).isEqualTo(2400);
    assertThat(feature.getInt("height")).isEqualTo(1600);
    assertThat(feature.getString("srcset")).isEqualTo(image.getString("srcset"));
    assertThat(feature.getString("srcset"))
        .contains("-600w.jpg 600w", "-2000w.jpg 2000w", " 2400w");

    List<Element> imgs = Jsoup.parseBodyFragment(draft.getString("html")).select("img");
    assertThat(imgs).hasSize(2);
    assertThat(imgs.get(0).attr("src")).isEqualTo(url);
    assertThat(imgs.get(0).attr("width")).isEqualTo("2400");
    assertThat(imgs.get(0).attr("height")).isEqualTo("1600");
    assertThat(imgs.get(0).attr("srcset")).isEqualTo(image.getString("srcset"));
    assertThat(imgs.get(0).attr("sizes")).isNotBlank();
    assertThat(imgs.get(1).hasAttr("srcset")).isFalse();

    publish(author, draft.getString("id"));
    JsonObject read =
        client
            .data(
                "query($s: String!) { post(slug: $s) { featureImage { width height srcset } } }",
                vars("s", draft.getString("slug")))
            .getJsonObject("post")
            .getJsonObject("featureImage");
    assertThat(read.getInt("width")).isEqualTo(2400);
    assertThat(read.getString("srcset")).isEqualTo(image.getString("srcset"));
  }

  @Test
  void aFeatureImageFromElsewhereHasNoSize() {
    String author = staff.as("AUTHOR");
    JsonObject feature =
        staff
            .data(
                author,
                "mutation($i: PostInput!) { createDraft(input: $i) {"
                    + " featureImage { url width height srcset } } }",
                "i",
                Json.createObjectBuilder()
                    .add("title", "Elsewhere " + System.nanoTime())
                    .add(
                        "featureImage",
                        Json.createObjectBuilder().add("url", "https://example.com/rings.jpg"))
                    .build())
            .getJsonObject("createDraft")
            .getJsonObject("featureImage");
    assertThat(feature.getString("url")).isEqualTo("https://example.com/rings.jpg");
    assertThat(feature.isNull("width")).isTrue();
    assertThat(feature.isNull("height")).isTrue();
    assertThat(feature.isNull("srcset")).isTrue();
  }

  void publish(String token, String id) {
    JsonObject res =
        staff.call(token, "mutation($id: ID!) { publishPost(id: $id) { status } }", "id", id);
    assertThat(code(res)).as(res.toString()).isNull();
  }
}
