package dev.jotter.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Jotter server of a test's own, as a separate operating-system process: a copy of the {@code
 * jotter} server's configuration (server.xml, jvm.options, JDBC drivers, server.env) with its own
 * ports, data and environment, running the WAR that {@code package} built. Unlike the Arquillian
 * server it can be killed with SIGKILL and started again on the same data. Every wait is bounded.
 */
final class LibertyProcess implements AutoCloseable {

  private static final Path WLP =
      Path.of(System.getProperty("jotter.wlp.dir", "target/liberty/wlp")).toAbsolutePath();
  private static final Path WAR = Path.of("target/jotter.war").toAbsolutePath();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final String name;
  private final int httpPort;
  private final Path dir;
  private final Map<String, String> environment;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private int starts;

  private LibertyProcess(String name, int httpPort, Map<String, String> environment) {
    this.name = name;
    this.httpPort = httpPort;
    this.dir = WLP.resolve("usr/servers").resolve(name);
    this.environment = environment;
  }

  /**
   * A fresh server directory (an earlier one of this name is deleted with its data): the {@code
   * jotter} server's configuration, this port (and the next for HTTPS), these environment
   * variables.
   */
  static LibertyProcess create(String name, int httpPort, Map<String, String> environment) {
    LibertyProcess server = new LibertyProcess(name, httpPort, new LinkedHashMap<>(environment));
    try {
      deleteRecursively(server.dir);
      Path jotter = WLP.resolve("usr/servers/jotter");
      Files.createDirectories(server.dir.resolve("dropins"));
      Files.copy(jotter.resolve("server.xml"), server.dir.resolve("server.xml"));
      Files.copy(jotter.resolve("server.env"), server.dir.resolve("server.env"));
      Files.copy(jotter.resolve("jvm.options"), server.dir.resolve("jvm.options"));
      Files.createDirectories(server.dir.resolve("jdbc"));
      try (Stream<Path> drivers = Files.list(jotter.resolve("jdbc"))) {
        for (Path driver : drivers.toList()) {
          Files.copy(driver, server.dir.resolve("jdbc").resolve(driver.getFileName()));
        }
      }
      Files.writeString(
          server.dir.resolve("bootstrap.properties"),
          "jotter.http.port=" + httpPort + "\njotter.https.port=" + (httpPort + 1) + "\n");
      Files.copy(WAR, server.dir.resolve("dropins/jotter.war"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the server " + name, e);
    }
    return server;
  }

  /** Sets an environment variable for the starts that follow. */
  void environment(String name, String value) {
    environment.put(name, value);
  }

  URI base() {
    return URI.create("http://localhost:" + httpPort);
  }

  Path dataDir() {
    return dir.resolve("data");
  }

  /** Starts the server and waits until it is ready ({@code /health/ready} answers 200). */
  void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running already");
    }
    starts++;
    Path console = dir.resolve("logs/console-start-" + starts + ".log");
    try {
      Files.createDirectories(console.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(WLP.resolve("bin/server").toString(), "run", name)
              .redirectErrorStream(true)
              .redirectOutput(console.toFile());
      builder.environment().putAll(environment);
      process = builder.start(); // 'server run' execs the JVM: this process is Liberty itself
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited at start:\n" + tail(console));
      }
      if (ready()) {
        return;
      }
      sleep(250);
    }
    throw new AssertionError(name + " was not ready within " + START_TIMEOUT + ":\n" + messages());
  }

  /** Kills the server's JVM with SIGKILL, as a power cut or the OOM killer would. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly(); // SIGKILL on Linux
    await(process, Duration.ofSeconds(30));
  }

  /** Stops the server the normal way ({@code server stop}), killing it if that takes too long. */
  void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      Process stop =
          new ProcessBuilder(WLP.resolve("bin/server").toString(), "stop", name)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      await(stop, Duration.ofSeconds(60));
    } catch (IOException e) {
      // fall through to the kill below
    }
    if (!await(process, Duration.ofSeconds(60))) {
      kill();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The server's messages.log (its last 200 lines), for failure messages. */
  String messages() {
    return tail(dir.resolve("logs/messages.log"));
  }

  /** The lines of messages.log that contain this text. */
  List<String> messagesContaining(String text) {
    try {
      return Files.readAllLines(dir.resolve("logs/messages.log"), StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains(text))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private boolean ready() {
    try {
      HttpResponse<Void> res =
          http.send(
              HttpRequest.newBuilder(base().resolve("/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return res.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean await(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
    } catch (IOException e) {
      return "(no " + file + ")";
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
