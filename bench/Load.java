import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Times GraphQL requests against a running Jotter, one at a time, and prints p50 and p99 of each
 * kind: a post page with related thinking, the home list, a tag page (name, post count, newest
 * ten), a totalCount of all posts or of a tag's, the archive's month counts and a two-word search.
 * Run it against a server with its response cache off, to time the work and not the cache.
 * Usage: java Load.java BASE_URL POSTS REQUESTS
 */
public class Load {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    URI graphql = URI.create(args[0]).resolve("/graphql");
    int posts = Integer.parseInt(args[1]);
    int requests = Integer.parseInt(args[2]);
    Random random = new Random(7);
    String postQuery = "query($slug: String!) { post(slug: $slug) { title html readingTime { label }"
        + " primaryTag { name } author { name bio } related(first: 3) { score reasons"
        + " post { slug title readingTime { label } primaryTag { name } } } } }";
    String searchQuery = "query($q: String!) { search(query: $q, first: 10) { totalCount"
        + " edges { node { score snippet post { slug title } } } } }";
    String card = "slug title excerpt publishedAt readingTime { label } primaryTag { name }";
    String homeQuery = "{ posts(first: 10) { nodes { " + card + " } pageInfo { hasNextPage } } }";
    String tagQuery = "query($slug: String!) { tag(slug: $slug) { name postCount"
        + " posts(first: 10) { nodes { " + card + " } pageInfo { hasNextPage } } } }";
    String countQuery = "query($tag: String) { posts(tag: $tag) { totalCount } }";
    String archiveQuery = "{ archive { year month count } }";
    List<String> words = words(graphql);
    time("post page with related", requests, () -> send(graphql, postQuery,
        "{\"slug\": \"bench-post-" + (1 + random.nextInt(posts)) + "\"}"));
    time("home list", requests, () -> send(graphql, homeQuery, "{}"));
    time("tag page", requests, () -> send(graphql, tagQuery,
        "{\"slug\": \"topic-" + (1 + random.nextInt(30)) + "\"}"));
    time("totalCount (all, a tag)", requests, () -> send(graphql, countQuery,
        random.nextBoolean() ? "{}" : "{\"tag\": \"topic-" + (1 + random.nextInt(30)) + "\"}"));
    time("archive (month counts)", requests, () -> send(graphql, archiveQuery, "{}"));
    time("search (two words)", requests, () -> send(graphql, searchQuery,
        "{\"q\": \"" + words.get(random.nextInt(words.size())) + " "
            + words.get(random.nextInt(words.size())) + "\"}"));
  }

  /** Words to search for: taken from the titles of the newest posts. */
  static List<String> words(URI graphql) throws Exception {
    String body = send(graphql, "{ posts(first: 100) { nodes { title } } }", "{}");
    List<String> words = new ArrayList<>();
    for (String part : body.split("\"title\":\"")) {
      if (!part.startsWith("{")) {
        String title = part.substring(0, part.indexOf('"'));
        for (String w : title.split(" ")) {
          if (w.length() > 4 && !w.chars().allMatch(Character::isDigit)) {
            words.add(w.toLowerCase());
          }
        }
      }
    }
    return words;
  }

  interface Call {
    String run() throws Exception;
  }

  static void time(String name, int requests, Call call) throws Exception {
    for (int i = 0; i < Math.min(200, requests); i++) {
      call.run(); // warm-up
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      String body = call.run();
      millis.add((System.nanoTime() - start) / 1e6);
      if (body.contains("\"errors\"")) {
        throw new IllegalStateException(name + ": " + body);
      }
    }
    Collections.sort(millis);
    System.out.printf("%-24s %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", name, requests,
        millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
        millis.get(millis.size() - 1));
  }

  static String send(URI graphql, String query, String variables) throws Exception {
    String json = "{\"query\": " + quote(query) + ", \"variables\": " + variables + "}";
    HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(graphql)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + res.statusCode() + ": " + res.body());
    }
    return res.body();
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
