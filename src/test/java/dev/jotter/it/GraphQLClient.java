package dev.jotter.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to Jotter's /graphql as a frontend would: JSON over HTTP. */
public final class GraphQLClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final java.util.concurrent.atomic.AtomicInteger CLIENTS =
      new java.util.concurrent.atomic.AtomicInteger();

  private final URI base;
  private volatile String address;

  /**
   * A client at an address of its own: every request says X-Forwarded-For with a documentation
   * address (RFC 5737) unique to this client, which the server believes from loopback (its trusted
   * proxy), so sign-in throttling by client address never carries from one test to another.
   */
  public GraphQLClient(URI base) {
    this.base = base;
    int n = CLIENTS.incrementAndGet();
    this.address = "198.51." + (100 + n / 250 % 100) + "." + (1 + n % 250);
  }

  /** The client address this client's requests come from (X-Forwarded-For). */
  public String address() {
    return address;
  }

  /** Makes the following requests come from another client address. */
  public void useAddress(String address) {
    this.address = address;
  }

  public URI base() {
    return base;
  }

  /** POSTs a query (with optional variables) and returns the parsed JSON response. */
  public JsonObject query(String query, JsonObject variables) {
    return query(query, variables, null);
  }

  /**
   * POSTs a query as a signed-in staff user: with {@code Authorization: Bearer token} (none when
   * the token is null).
   */
  public JsonObject query(String query, JsonObject variables, String token) {
    var body = Json.createObjectBuilder().add("query", query);
    if (variables != null) {
      body.add("variables", variables);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> res = send(request.build());
    if (res.statusCode() != 200) {
      throw new AssertionError("HTTP " + res.statusCode() + ": " + res.body());
    }
    return json(res.body());
  }

  public JsonObject query(String query) {
    return query(query, null);
  }

  /** The "data" of a response that must have no errors. */
  public JsonObject data(String query, JsonObject variables) {
    JsonObject response = query(query, variables);
    if (response.containsKey("errors")) {
      throw new AssertionError("unexpected errors: " + response);
    }
    return response.getJsonObject("data");
  }

  public JsonObject data(String query) {
    return data(query, null);
  }

  /** The slug of the newest published post. */
  public String newestPostSlug() {
    return data("{ posts(first: 1) { nodes { slug } } }")
        .getJsonObject("posts")
        .getJsonArray("nodes")
        .getJsonObject(0)
        .getString("slug");
  }

  public HttpResponse<String> post(String body, String contentType) {
    return send(
        HttpRequest.newBuilder(base.resolve("/graphql"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      HttpRequest.Builder copy =
          HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(60));
      if (request.headers().firstValue("X-Forwarded-For").isEmpty()) {
        copy.header("X-Forwarded-For", address);
      }
      return http.send(copy.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
