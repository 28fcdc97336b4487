package dev.jotter.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a helper program (Node with graphql-http's audits, Playwright with Chromium) with a real
 * time limit: its output goes to a file, never to a pipe the test must drain first, so a program
 * that hangs is killed — with every process it started — after the limit, and the test fails with
 * what it printed.
 */
final class BoundedProcess {

  /** What a finished program printed (stdout and stderr together) and its exit code. */
  record Result(int exitCode, String output) {}

  private BoundedProcess() {}

  static Result run(File dir, Map<String, String> env, Duration limit, String... command)
      throws IOException, InterruptedException {
    File log = File.createTempFile("jotter-" + new File(command[0]).getName() + "-", ".log");
    log.deleteOnExit();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir)
            .redirectErrorStream(true)
            .redirectOutput(log)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          String.join(" ", command)
              + " did not finish within "
              + limit.toSeconds()
              + " s and was killed; it printed:\n"
              + Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }
    return new Result(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
  }
}
