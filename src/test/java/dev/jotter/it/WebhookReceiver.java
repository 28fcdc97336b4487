package dev.jotter.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * A webhook receiver inside the tests, on 127.0.0.1: records every request it gets and answers the
 * status its script gives for the n-th request (0 first).
 */
final class WebhookReceiver implements AutoCloseable {

  /** A request as received. */
  record Received(Map<String, List<String>> headers, String body, int answered) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private volatile IntUnaryOperator script = n -> 200;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          int status;
          synchronized (received) {
            status = script.applyAsInt(received.size());
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            received.notifyAll();
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** Answers the status {@code script} gives for the n-th request from now on. */
  WebhookReceiver answering(IntUnaryOperator script) {
    this.script = script;
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The requests so far that {@code which} accepts, waiting (at most 30 s) until there are n. */
  List<Received> await(int n, Predicate<Received> which) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    synchronized (received) {
      while (true) {
        List<Received> matching = received.stream().filter(which).toList();
        long left = deadline - System.nanoTime();
        if (matching.size() >= n || left <= 0) {
          return matching;
        }
        received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** The requests so far that {@code which} accepts. */
  List<Received> all(Predicate<Received> which) {
    synchronized (received) {
      return received.stream().filter(which).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
