import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Write throughput of a running Jotter: WRITERS threads each repeat createDraft, updatePost (an
 * edit of the body), publishPost for SECONDS seconds, after a warm-up, as one signed-in staff user.
 * Prints mutations per second and p50 / p99 of each mutation. The blog must be unclaimed (it is
 * claimed here).
 * Usage: java Writes.java BASE_URL WRITERS SECONDS LABEL
 */
public class Writes {
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\",\"version\":(\\d+)");

  public static void main(String[] args) throws Exception {
    URI graphql = URI.create(args[0]).resolve("/graphql");
    int writers = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    String label = args[3];
    String setup = send(graphql, null, "mutation { setup(email: \\\"bench@example.com\\\","
        + " name: \\\"Bench\\\", password: \\\"a long bench password\\\") { token } }", "{}");
    String token = setup.replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
    run(graphql, token, writers, 5, null); // warm-up
    List<List<Double>> millis = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    long started = System.nanoTime();
    run(graphql, token, writers, seconds, millis);
    double elapsed = (System.nanoTime() - started) / 1e9;
    int total = millis.stream().mapToInt(List::size).sum();
    System.out.printf("%-34s %7.1f mutations/s (%d writers, %d in %.1f s)%n",
        label, total / elapsed, writers, total, elapsed);
    String[] names = {"createDraft", "updatePost", "publishPost"};
    for (int i = 0; i < 3; i++) {
      List<Double> m = millis.get(i);
      Collections.sort(m);
      System.out.printf("    %-12s p50 %6.1f ms  p99 %6.1f ms%n",
          names[i], m.get(m.size() / 2), m.get((int) Math.min(m.size() - 1, m.size() * 0.99)));
    }
  }

  static void run(URI graphql, String token, int writers, long seconds, List<List<Double>> millis)
      throws Exception {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      futures.add(pool.submit(() -> {
        for (int n = 0; System.nanoTime() < until; n++) {
          String title = "Bench note " + writer + "-" + n + "-" + System.nanoTime();
          long t0 = System.nanoTime();
          String created = send(graphql, token, "mutation { createDraft(input: {title: \\\""
              + title + "\\\", markdown: \\\"A first paragraph about " + title
              + ".\\\"}) { id version } }", "{}");
          long t1 = System.nanoTime();
          Matcher m = ID.matcher(created);
          if (!m.find()) {
            throw new IllegalStateException("createDraft failed: " + created);
          }
          String id = m.group(1);
          String edited = send(graphql, token, "mutation($id: ID!, $v: BigInteger!) {"
              + " updatePost(id: $id, expectedVersion: $v, input: {markdown: \\\"An edited"
              + " paragraph.\\\"}) { __typename } }",
              "{\"id\": \"" + id + "\", \"v\": " + m.group(2) + "}");
          long t2 = System.nanoTime();
          String published = send(graphql, token,
              "mutation($id: ID!) { publishPost(id: $id) { status } }", "{\"id\": \"" + id + "\"}");
          long t3 = System.nanoTime();
          if (!edited.contains("EditSaved") || !published.contains("PUBLISHED")) {
            throw new IllegalStateException("a mutation failed: " + edited + " " + published);
          }
          if (millis != null) {
            synchronized (millis) {
              millis.get(0).add((t1 - t0) / 1e6);
              millis.get(1).add((t2 - t1) / 1e6);
              millis.get(2).add((t3 - t2) / 1e6);
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  static String send(URI graphql, String token, String query, String variables) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(graphql)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"query\": \"" + query + "\", \"variables\": " + variables + "}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
