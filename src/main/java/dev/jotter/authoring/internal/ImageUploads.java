package dev.jotter.authoring.internal;

import dev.jotter.authoring.api.StaffGate;
import dev.jotter.authoring.domain.EncodedImage;
import dev.jotter.authoring.domain.ExportedImage;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
    return UploadedImage.of(keep(image, files));
  }

  /**
   * Stores an image's files, then records it; answers the record kept (another request's or
   * server's when it recorded the same image meanwhile: its files are these).
   */
  private Image keep(Image image, Map<String, byte[]> files) {
    try {
      store.put(image.id(), files);
    } catch (IOException e) {
      // the server's fault, not the sender's
      throw new UncheckedIOException("Cannot store the image " + image.id(), e);
    }
    try {
      images.save(image);
    } catch (PersistenceException e) {
      return images.findById(image.id()).orElseThrow(() -> e);
    }
    return image;
  }

  /** What restoring an image of an export did. */
  public enum Restored {
    /** Its files were stored and it was recorded. */
    RESTORED,
    /** An image of its id was there already (its id is a content hash: the same image). */
    PRESENT
  }

  /**
   * Restores an image a Markdown export carried ({@code images/<id>/…}) under its id, so that the
   * addresses its posts name answer again: each of its files must decode as an image of the format
   * its name says, within {@code jotter.images.max-pixels}, decoded one at a time as uploads are,
   * and each variant must be as wide as its name says and narrower than the full size. The files
   * are kept byte for byte (they are what Jotter stored), then the image is recorded with the
   * importer as its uploader. An image of its id already there is left as it is.
   *
   * @param files the bytes of each of its files, by file name
   * @throws ImageRefusedException when a file is missing or is not the image its name says; nothing
   *     is stored then
   */
  public Restored restore(ExportedImage exported, Map<String, byte[]> files, long staffId)
      throws ImageRefusedException {
    if (images.findById(exported.id()).isPresent()) {
      return Restored.PRESENT;
    }
    EncodedImage original = checked(exported.fileName(), files, exported.format());
    List<EncodedImage> variants = new ArrayList<>();
    for (int width : exported.variantWidths()) {
      String name = exported.variantFileName(width);
      EncodedImage variant = checked(name, files, exported.format());
      if (variant.width() != width || width >= original.width()) {
        throw new ImageRefusedException(
            Reason.NOT_AN_IMAGE,
            name
                + " is "
                + variant.width()
                + " pixels wide: a variant is as wide as its name says, and narrower than "
                + exported.fileName()
                + " ("
                + original.width()
                + ").");
      }
      variants.add(variant);
    }
    long bytes = original.bytes().length;
    Image image =
        new Image(
            exported.id(),
            exported.name(),
            new ProcessedImage(exported.format(), original, variants),
            bytes,
            staffId,
            OffsetDateTime.now(ZoneOffset.UTC));
    Map<String, byte[]> kept = new LinkedHashMap<>();
    for (String name : image.fileNames()) {
      kept.put(name, files.get(name));
    }
    keep(image, kept);
    return Restored.RESTORED;
  }

  private EncodedImage checked(String name, Map<String, byte[]> files, ImageFormat format)
      throws ImageRefusedException {
    byte[] bytes = files.get(name);
    if (bytes == null) {
      throw new ImageRefusedException(Reason.NOT_AN_IMAGE, name + " is missing.");
    }
    try {
      return decoding(() -> codec.check(bytes, format));
    } catch (ImageRefusedException e) {
      throw new ImageRefusedException(e.reason(), name + ": " + e.getMessage());
    }
  }

  /** Work that decodes an image. */
  @FunctionalInterface
  private interface Decoding<T> {
    T run() throws ImageRefusedException;
  }

  private ProcessedImage process(byte[] bytes) throws ImageRefusedException {
    return decoding(() -> codec.process(bytes));
  }

  /** Runs decoding work once no other is running (waiting at most a minute for its turn). */
  private <T> T decoding(Decoding<T> work) throws ImageRefusedException {
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
      return work.run();
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
