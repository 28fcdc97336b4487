import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The import benchmark (not a test): writes a Markdown zip of COUNT posts (~400 words, three
 * sections, 3 of 40 tags, one of 5 authors, dates over ten years, 5 % drafts), sends it to a
 * running Jotter (POST /imports: the dry run), runs it (startImport) and polls importJob until it
 * is done; prints the zip's size, the dry run's time, the import's time and posts per second, then
 * the same file again (nothing changes) and the export (GET /exports/markdown.zip).
 * Usage: java bench/Import.java BASE_URL EMAIL PASSWORD COUNT
 */
public class Import {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static final String[] WORDS = ("orbit rocket europa ocean ice robot model agent mars lander "
      + "signal thrust probe crater moon comet dust solar panel rover dock cargo fuel engine "
      + "launch pad tower memory neural vector token train loss gradient sensor arm gripper "
      + "servo plan map route star planet ring gas giant tide heat vent plume salt water life")
      .split(" ");

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String token = login(base, args[1], args[2]);
    int count = Integer.parseInt(args[3]);
    long t0 = System.nanoTime();
    byte[] zip = generate(count);
    System.out.printf("generated %,d posts: %,d bytes zipped in %.1f s%n", count, zip.length, secs(t0));
    run(base, token, zip, "first import");
    run(base, token, zip, "same file again");
    long t1 = System.nanoTime();
    HttpResponse<byte[]> export = HTTP.send(
        HttpRequest.newBuilder(base.resolve("/exports/markdown.zip"))
            .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    System.out.printf("export: HTTP %d, %,d bytes in %.1f s%n", export.statusCode(), export.body().length, secs(t1));
  }

  static void run(URI base, String token, byte[] zip, String label) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> report = HTTP.send(
        HttpRequest.newBuilder(base.resolve("/imports?format=markdown"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/zip")
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
        HttpResponse.BodyHandlers.ofString());
    double dry = secs(t0);
    String id = field(report.body(), "id");
    String counts = report.body().replaceAll("(?s).*\"counts\":(\\{[^}]*\\}).*", "$1");
    System.out.printf("%s: dry run HTTP %d in %.1f s, %s%n", label, report.statusCode(), dry, counts);
    long t1 = System.nanoTime();
    graphql(base, token, "mutation { startImport(id: \"" + id + "\") { state } }");
    String job;
    while (true) {
      job = graphql(base, token, "{ importJob(id: \"" + id + "\") { state done total created updated skipped failed } }");
      if (!job.contains("RUNNING")) break;
      Thread.sleep(500);
    }
    double took = secs(t1);
    int done = Integer.parseInt(field(job, "done"));
    System.out.printf("%s: %s in %.1f s: %.0f posts/s%n", label, job.replaceAll("(?s).*\"importJob\":(\\{[^}]*\\}).*", "$1"), took, done / took);
  }

  static byte[] generate(int count) throws IOException {
    Random random = new Random(42);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OffsetDateTime start = OffsetDateTime.of(2016, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < count; i++) {
        StringBuilder md = new StringBuilder("---\n");
        String title = cap(word(random)) + " " + word(random) + " " + word(random) + " " + i;
        md.append("title: ").append(title).append('\n');
        md.append("slug: bench-post-").append(i).append('\n');
        md.append("date: ").append(start.plusMinutes(i * 500L)).append('\n');
        md.append("status: ").append(i % 20 == 7 ? "draft" : "published").append('\n');
        md.append("tags: [Topic ").append(random.nextInt(40)).append(", Topic ")
            .append(random.nextInt(40)).append(", Topic ").append(random.nextInt(40)).append("]\n");
        md.append("authors: [Bench Writer ").append(random.nextInt(5)).append("]\n---\n");
        for (int s = 0; s < 3; s++) {
          md.append("## ").append(cap(word(random))).append(' ').append(word(random)).append("\n\n");
          for (int w = 0; w < 130; w++) {
            md.append(word(random)).append(w % 15 == 14 ? ".\n" : " ");
          }
          md.append("\n\n");
        }
        zip.putNextEntry(new ZipEntry("posts/bench-post-" + i + ".md"));
        zip.write(md.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static String word(Random random) { return WORDS[random.nextInt(WORDS.length)]; }

  static String cap(String w) { return Character.toUpperCase(w.charAt(0)) + w.substring(1); }

  static double secs(long since) { return (System.nanoTime() - since) / 1e9; }

  static String login(URI base, String email, String password) throws Exception {
    String body = graphql(base, null, "mutation { login(email: \"" + email + "\", password: \"" + password + "\") { token } }");
    return field(body, "token");
  }

  static String graphql(URI base, String token, String query) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/graphql"))
        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(1))
        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"));
    if (token != null) request.header("Authorization", "Bearer " + token);
    String body = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    if (body.contains("\"errors\"")) throw new IllegalStateException(body);
    return body;
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
    return m.group(1);
  }
}
