import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer and the attacker of bench/soak.sh: for SECONDS seconds, a staff user publishes or edits
 * a post every second, and hostile requests (cost bombs, malformed bodies, bad cursors, wrong
 * passwords, oversized bodies) arrive several times a second. Prints how many of each were sent and
 * how many answers were HTTP 5xx (must be 0).
 * Usage: java Soak.java BASE_URL SECONDS
 */
public class Soak {
  static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  static final AtomicLong serverErrors = new AtomicLong();

  public static void main(String[] args) throws Exception {
    URI graphql = URI.create(args[0]).resolve("/graphql");
    long until = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
    String token = send(graphql, null, "{\"query\": \"mutation { setup(email: \\\"soak@example.com\\\","
        + " name: \\\"Soak\\\", password: \\\"a long soak password\\\") { token } }\"}")
        .replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
    String bomb = bomb();
    List<String> hostile = List.of(
        "{\"query\": \"" + bomb + "\"}",
        "{\"query\": \"query($n: Int) { a: tags { posts(first: $n) { nodes { html tags { posts(first: $n) { nodes { html } } } } } } b: tags { posts(first: $n) { nodes { html } } } }\"}",
        "{query: not json",
        "{\"query\": \"{ posts(after: \\\"KzEwMDAwMDAwMDAtMDEtMDE\\\") { nodes { title } } }\"}",
        "{\"query\": \"mutation { login(email: \\\"soak@example.com\\\", password: \\\"wrong guess\\\") { token } }\"}",
        "{\"query\": \"{ search(query: \\\"" + "robot ".repeat(3000) + "\\\") { totalCount } }\"}",
        "{\"query\": \"{ " + "__typename ".repeat(12_000) + "}\"}",
        "{\"query\": \"{ posts(first: 1000000) { nodes { title } } }\"}");
    Thread attacker = new Thread(() -> {
      long sent = 0;
      while (System.nanoTime() < until) {
        for (String body : hostile) {
          try {
            send(graphql, null, body);
            sent++;
            Thread.sleep(50);
          } catch (Exception e) {
            // connection errors are counted by the reads' wrk run; go on
          }
        }
      }
      System.out.println("hostile requests sent: " + sent);
    });
    attacker.start();
    long writes = 0;
    String id = null;
    long version = 0;
    for (int n = 0; System.nanoTime() < until; n++) {
      long started = System.nanoTime();
      if (id == null || n % 5 == 0) {
        String created = send(graphql, token, "{\"query\": \"mutation { createDraft(input: {title:"
            + " \\\"Soak note " + n + "\\\", markdown: \\\"A thought about robots and rockets, number "
            + n + ".\\\"}) { id version } }\"}");
        id = created.replaceAll("(?s).*\"id\":\"(\\d+)\".*", "$1");
        version = Long.parseLong(created.replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
        String published = send(graphql, token,
            "{\"query\": \"mutation { publishPost(id: \\\"" + id + "\\\") { version } }\"}");
        version = Long.parseLong(published.replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
        writes += 2;
      } else {
        String saved = send(graphql, token, "{\"query\": \"mutation { updatePost(id: \\\"" + id
            + "\\\", expectedVersion: " + version + ", input: {markdown: \\\"Edited " + n
            + " times: robots, rockets and the future.\\\"}) { ... on EditSaved { post { version } } } }\"}");
        version = Long.parseLong(saved.replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
        writes++;
      }
      long left = 1_000 - (System.nanoTime() - started) / 1_000_000;
      if (left > 0) {
        Thread.sleep(left);
      }
    }
    attacker.join();
    System.out.println("writes acknowledged: " + writes);
    System.out.println("HTTP 5xx answers to the writer and attacker: " + serverErrors.get());
  }

  static String bomb() {
    StringBuilder q = new StringBuilder("{ post(slug: \\\"x\\\") { ...F0 } }");
    for (int i = 0; i < 40; i++) {
      q.append(" fragment F").append(i).append(" on Post { ...F").append(i + 1).append(" ...F")
          .append(i + 1).append(" }");
    }
    return q.append(" fragment F40 on Post { title }").toString();
  }

  static String send(URI graphql, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> res = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() >= 500) {
      serverErrors.incrementAndGet();
      System.out.println("HTTP " + res.statusCode() + " for " + body.substring(0, Math.min(80, body.length())));
    }
    return res.body();
  }
}
