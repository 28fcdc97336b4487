package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.ImportFiles;
import dev.jotter.authoring.domain.ImportRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Import files in {@code <data dir>/imports/<job id>.upload}, on this server's disk: a job runs on
 * the server that checked its file. Deleted once the job has run, or when it has waited too long
 * (see {@code ImportHousekeeping}).
 */
@ApplicationScoped
public class DirectoryImportFiles implements ImportFiles {

  private static final String SUFFIX = ".upload";

  @Inject
  @ConfigProperty(name = "jotter.data.dir")
  String dataDir;

  @Override
  public Path store(String jobId, InputStream in, long maxBytes)
      throws ImportRefusedException, IOException {
    Path dir = Files.createDirectories(Path.of(dataDir, "imports"));
    Path file = dir.resolve(jobId + SUFFIX);
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    boolean kept = false;
    try (OutputStream out = Files.newOutputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new ImportRefusedException(
              ImportRefusedException.Reason.TOO_LARGE,
              "The file is larger than "
                  + maxBytes
                  + " bytes (JOTTER_IMPORT_MAX_BYTES); split it, or raise the limit.");
        }
        out.write(buffer, 0, n);
      }
      kept = true;
    } finally {
      if (!kept) {
        Files.deleteIfExists(file);
      }
    }
    return file;
  }

  @Override
  public Optional<Path> find(String jobId) {
    if (!jobId.matches("[0-9a-f]{1,32}")) {
      return Optional.empty();
    }
    Path file = Path.of(dataDir, "imports", jobId + SUFFIX);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  @Override
  public List<Waiting> waiting() throws IOException {
    Path dir = Path.of(dataDir, "imports");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Waiting> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : (Iterable<Path>) list::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX) && Files.isRegularFile(file)) {
          files.add(
              new Waiting(
                  name.substring(0, name.length() - SUFFIX.length()),
                  Files.getLastModifiedTime(file).toInstant()));
        }
      }
    }
    return files;
  }

  @Override
  public void delete(String jobId) {
    find(jobId)
        .ifPresent(
            file -> {
              try {
                Files.deleteIfExists(file);
              } catch (IOException e) {
                // a file left behind costs disk, nothing else
              }
            });
  }
}
