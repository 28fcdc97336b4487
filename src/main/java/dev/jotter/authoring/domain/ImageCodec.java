package dev.jotter.authoring.domain;

import dev.jotter.authoring.domain.ImageRefusedException.Reason;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns an upload into what is stored. The bytes must decode as PNG, JPEG, WebP or GIF (the first
 * frame of an animation); the dimensions are read from the header first, so an image of more pixels
 * than allowed (a decompression bomb: a few kilobytes that decode to gigabytes) is refused before
 * its pixels are decoded, and a large photograph is decoded straight at a reduced size ({@link
 * #DECODE_PIXELS}). The pixels are then encoded anew, which keeps nothing else of the file (EXIF,
 * GPS position, camera, comments, ICC profiles), and resized with Thumbnailator to each of {@link
 * #WIDTHS} narrower than the image, never wider. Thread-safe.
 */
public final class ImageCodec {

  /** The widths of the resized variants, in pixels; only those narrower than the image. */
  public static final List<Integer> WIDTHS = List.of(600, 1000, 2000);

  /** JPEG quality of stored files: indistinguishable from the upload at a fraction of its size. */
  static final float JPEG_QUALITY = 0.85f;

  /**
   * The most pixels decoded of one image (about 3,500 × 2,300): the stored full size of larger
   * uploads is theirs divided by a whole number, decoded straight at that size (JPEG, PNG and GIF
   * readers decode a row at a time), so an upload never takes more than ~32 MB of heap to decode.
   */
  public static final long DECODE_PIXELS = 8_000_000;

  /** The most pixels of a WebP upload: its decoder holds the whole image before subsampling. */
  public static final long MAX_WEBP_PIXELS = 16_000_000;

  private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "webp");

  private final long maxPixels;

  /** A codec that refuses images of more than {@code maxPixels} pixels (width × height). */
  public ImageCodec(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  /**
   * Decodes, checks, re-encodes and resizes an upload.
   *
   * @throws ImageRefusedException NOT_AN_IMAGE when it does not decode as a PNG, JPEG, WebP or GIF
   *     image; TOO_MANY_PIXELS when it has more pixels than allowed
   */
  public ProcessedImage process(byte[] bytes) throws ImageRefusedException {
    Decoded decoded = decode(bytes);
    BufferedImage pixels =
        decoded.format().equals("jpeg")
            ? ExifOrientation.apply(decoded.pixels(), ExifOrientation.of(bytes))
            : decoded.pixels();
    boolean alpha = pixels.getColorModel().hasAlpha();
    ImageFormat format =
        decoded.format().equals("jpeg") || !alpha && decoded.format().equals("webp")
            ? ImageFormat.JPEG
            : ImageFormat.PNG;
    try {
      EncodedImage original =
          new EncodedImage(pixels.getWidth(), pixels.getHeight(), encode(pixels, format));
      List<EncodedImage> variants = new ArrayList<>();
      for (int width : WIDTHS) {
        if (width < pixels.getWidth()) {
          BufferedImage resized =
              Thumbnails.of(pixels)
                  .width(width)
                  .imageType(
                      format == ImageFormat.PNG && alpha
                          ? BufferedImage.TYPE_INT_ARGB
                          : BufferedImage.TYPE_INT_RGB)
                  .asBufferedImage();
          variants.add(
              new EncodedImage(resized.getWidth(), resized.getHeight(), encode(resized, format)));
        }
      }
      return new ProcessedImage(format, original, variants);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot encode an image in memory", e);
    }
  }

  /**
   * Checks a file as Jotter stores it (an image an export carried back): it must decode whole as
   * {@code format}, within the pixel limit, the same way an upload is decoded. It is not
   * re-encoded: the caller keeps its bytes as they are, so that its address answers the same bytes
   * as before.
   *
   * @return its width and height
   * @throws ImageRefusedException NOT_AN_IMAGE when it does not decode as {@code format};
   *     TOO_MANY_PIXELS when it has more pixels than allowed
   */
  public EncodedImage check(byte[] bytes, ImageFormat format) throws ImageRefusedException {
    Decoded decoded = decode(bytes);
    String expected = format == ImageFormat.JPEG ? "jpeg" : "png";
    if (!decoded.format().equals(expected)) {
      throw new ImageRefusedException(
          Reason.NOT_AN_IMAGE,
          "The file is a "
              + decoded.format().toUpperCase(Locale.ROOT)
              + " image, not the "
              + format.name()
              + " its name says.");
    }
    return new EncodedImage(decoded.width(), decoded.height(), bytes);
  }

  /** The decoded first image and the name of its format, or why there is none. */
  Decoded decode(byte[] bytes) throws ImageRefusedException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = readerFor(in);
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw notAnImage();
        }
        if ((long) width * height > maxPixels) {
          throw new ImageRefusedException(
              Reason.TOO_MANY_PIXELS,
              "The image is "
                  + width
                  + " × "
                  + height
                  + " pixels; at most "
                  + maxPixels
                  + " pixels are accepted. Scale it down before uploading.");
        }
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        if (format.equals("webp") && (long) width * height > MAX_WEBP_PIXELS) {
          throw new ImageRefusedException(
              Reason.TOO_MANY_PIXELS,
              "The WebP image is "
                  + width
                  + " × "
                  + height
                  + " pixels; at most "
                  + MAX_WEBP_PIXELS
                  + " are accepted in WebP (its decoder holds the whole image). Send it as a JPEG"
                  + " or PNG, or scale it down.");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height);
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        return new Decoded(format, reader.read(0, param), width, height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // a truncated or corrupt file: the readers throw IIOException, or worse, runtime exceptions
      throw notAnImage();
    }
  }

  /**
   * Every how many pixels one is decoded, in each direction, so that at most {@link #DECODE_PIXELS}
   * are: 1 for all but large photographs.
   */
  static int subsampling(int width, int height) {
    int step = 1;
    while ((long) (width / step) * (height / step) > DECODE_PIXELS) {
      step++;
    }
    return step;
  }

  private static ImageReader readerFor(ImageInputStream in) throws ImageRefusedException {
    if (in == null) {
      throw notAnImage();
    }
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      try {
        if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
          return reader;
        }
      } catch (IOException e) {
        // fall through to the next reader
      }
      reader.dispose();
    }
    throw notAnImage();
  }

  private static ImageRefusedException notAnImage() {
    return new ImageRefusedException(
        Reason.NOT_AN_IMAGE,
        "The file is not an image Jotter accepts: send a PNG, JPEG, WebP or GIF image.");
  }

  /** Only the pixels, in the stored format: no metadata is written. */
  static byte[] encode(BufferedImage image, ImageFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (format == ImageFormat.PNG) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("No PNG writer");
      }
      return out.toByteArray();
    }
    BufferedImage rgb = opaque(image);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new IIOImage(rgb, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static BufferedImage opaque(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB
        || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  /**
   * A decoded image (at a reduced size when it is large), its format's name as its reader gives it
   * ("png", "jpeg" …), and its full width and height.
   */
  record Decoded(String format, BufferedImage pixels, int width, int height) {}
}
