package dev.jotter.authoring.internal;

import dev.jotter.authoring.api.StaffGate;
import dev.jotter.authoring.domain.EncodedImage;
import dev.jotter.authoring.domain.Image;
import dev.jotter.authoring.domain.ImageAddress;
import dev.jotter.authoring.domain.ImageCodec;
import dev.jotter.authoring.domain.ImageFormat;
import dev.jotter.authoring.domain.ImageRefusedException;
import dev.jotter.authoring.domain.ImageRefusedException.Reason;
import dev.jotter.authoring.domain.ImageRepository;
import dev.jotter.authoring.domain.ImageStore;
import dev.jotter.authoring.domain.ProcessedImage;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploading and reading images. Any signed-in staff user may upload (contributors too, as in
 * Ghost). An upload is at most {@code jotter.images.max-bytes} and {@code
 * jotter.images.max-pixels}; it is decoded and re-encoded by {@link ImageCodec}, its files stored,
 * and only then recorded, so a record always has its files and a refused upload leaves nothing. The
 * same bytes uploaded again answer the image already stored. One upload is decoded at a time: a
 * decoded image takes up to four bytes a pixel of the heap.
 */
@ApplicationScoped
public class ImageUploads {

  /** How long an upload waits for the one before it to be decoded. */
  static final long DECODE_WAIT_SECONDS = 60;

  @Inject StaffGate staff;
  @Inject ImageStore store;
  @Inject ImageRepository images;

  @Inject
  @ConfigProperty(name = "jotter.images.max-bytes", defaultValue = "10485760")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "jotter.images.max-pixels", defaultValue = "25000000")
  long maxPixels;

  private final ImagePlugins plugins = new ImagePlugins();
  private final Semaphore decoding = new Semaphore(1, true);
  private ImageCodec codec;

  @PostConstruct
  void start() {
    plugins.register();
    codec = new ImageCodec(maxPixels);
  }

  @PreDestroy
  void stop() {
    plugins.deregister();
  }

  /**
   * Stores an upload by the signed-in staff user.
   *
   * @throws UnauthenticatedException when nobody is signed in (checked before the body is read)
   * @throws ImageRefusedException when it is too large or not an image; nothing is stored
   */
  public UploadedImage upload(ImageUpload upload)
      throws UnauthenticatedException, ImageRefusedException, IOException {
    long staffId = staff.requireStaff();
    if (upload.declaredLength() > maxBytes) {
      throw tooLarge();
    }
    byte[] bytes;
    try (InputStream in = upload.open()) {
      bytes = readAtMost(in, maxBytes);
    }
    String sha256 = sha256(bytes);
    String id = sha256.substring(0, Image.ID_LENGTH);
    Optional<Image> existing = images.findById(id);
    if (existing.isPresent()) {
      return UploadedImage.of(existing.get());
    }
    ProcessedImage processed = process(bytes);
    Image image =
        new Image(
            sha256,
            Image.nameFrom(upload.fileName()),
            processed,
            bytes.length,
            staffId,
            OffsetDateTime.now(ZoneOffset.UTC));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(image.fileName(), processed.original().bytes());
    for (int i = 0; i < processed.variants().size(); i++) {
      EncodedImage variant = processed.variants().get(i);
      String url = image.variants().get(i).url();
      files.put(url.substring(url.lastIndexOf('/') + 1), variant.bytes());
    }
    try {
      store.put(id, files);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the image " + id, e); // the server's fault
    }
    try {
      images.save(image);
    } catch (PersistenceException e) {
      // the same upload recorded meanwhile by another request or server: its files are these
      return images.findById(id).map(UploadedImage::of).orElseThrow(() -> e);
    }
    return UploadedImage.of(image);
  }

  private ProcessedImage process(byte[] bytes) throws ImageRefusedException {
    try {
      if (!decoding.tryAcquire(DECODE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new ImageRefusedException(
            Reason.BUSY, "Other uploads are being processed; try again in a minute.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageRefusedException(Reason.BUSY, "The server is stopping; try again.");
    }
    try {
      return codec.process(bytes);
    } finally {
      decoding.release();
    }
  }

  /** The stored file at a path under {@code /images/}, if there is one. */
  public Optional<ImageFile> file(String path) throws IOException {
    Optional<ImageAddress> address = ImageAddress.ofPath(path);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    String name = address.get().fileName();
    Optional<ImageFormat> format =
        ImageFormat.ofExtension(name.substring(name.lastIndexOf('.') + 1));
    if (format.isEmpty()) {
      return Optional.empty();
    }
    String etag = "\"" + address.get().id() + "-" + name + "\"";
    return store
        .find(address.get().id(), name)
        .map(file -> new ImageFile(format.get().contentType(), etag, file));
  }

  /** The largest upload, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  private byte[] readAtMost(InputStream in, long limit) throws IOException, ImageRefusedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > limit) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private ImageRefusedException tooLarge() {
    return new ImageRefusedException(
        Reason.TOO_MANY_BYTES,
        "The file is larger than "
            + maxBytes
            + " bytes (jotter.images.max-bytes); send a smaller image.");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
