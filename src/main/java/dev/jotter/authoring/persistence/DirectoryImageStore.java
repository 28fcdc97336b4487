package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.ImageStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Image files in a directory: {@code <dir>/<id>/<file>}. The directory is {@code
 * jotter.images.dir}, by default {@code images/} in the data directory; servers that share one blog
 * share it (a network file system), so an image uploaded on one is served by all. Each file is
 * written to a temporary file in the same directory and moved into place atomically, so a reader,
 * another server or a crash never leaves or sees part of one.
 */
@ApplicationScoped
public class DirectoryImageStore implements ImageStore {

  @Inject
  @ConfigProperty(name = "jotter.images.dir")
  Optional<String> configuredDir;

  @Inject
  @ConfigProperty(name = "jotter.data.dir")
  Optional<String> dataDir;

  private Path root;

  public DirectoryImageStore() {}

  /** A store in this directory (tests). */
  public DirectoryImageStore(Path root) {
    this.root = root;
  }

  @PostConstruct
  void locate() {
    root =
        configuredDir
            .filter(d -> !d.isBlank())
            .map(Path::of)
            .orElseGet(
                () -> Path.of(dataDir.orElse(System.getProperty("java.io.tmpdir")), "images"));
  }

  /** The directory the files are in. */
  public Path root() {
    return root;
  }

  @Override
  public void put(String id, Map<String, byte[]> files) throws IOException {
    Path dir = root.resolve(id);
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = dir.resolve(file.getKey());
      if (Files.exists(target)) {
        continue; // content-addressed: the same bytes
      }
      Path temp = Files.createTempFile(dir, ".upload-", ".tmp");
      try {
        Files.write(temp, file.getValue());
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // another server or request stored the same file meanwhile
    } catch (AtomicMoveNotSupportedException e) {
      try {
        Files.move(temp, target);
      } catch (FileAlreadyExistsException again) {
        // as above
      }
    }
  }

  @Override
  public Optional<StoredFile> find(String id, String fileName) throws IOException {
    Path file = root.resolve(id).resolve(fileName);
    if (!file.normalize().startsWith(root.normalize()) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    long size = Files.size(file);
    return Optional.of(
        new StoredFile() {
          @Override
          public long size() {
            return size;
          }

          @Override
          public InputStream open() throws IOException {
            return Files.newInputStream(file);
          }
        });
  }
}
