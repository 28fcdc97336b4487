package dev.jotter.it;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made in the tests with ImageIO: PNG, JPEG with a GPS position, a PNG bomb. */
public final class TestImages {

  private TestImages() {}

  /** A 1 × 1 lossy WebP (VP8, no alpha): no ImageIO plugin writes WebP, so it is spelled out. */
  public static final byte[] WEBP_LOSSY =
      java.util.Base64.getDecoder()
          .decode("UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=");

  /** A 1 × 1 lossless WebP with an alpha channel (VP8L). */
  public static final byte[] WEBP_LOSSLESS =
      java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  /** A gradient of this size, so that resizing has something to keep. */
  public static BufferedImage picture(int width, int height, boolean alpha) {
    BufferedImage image =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, new Color(20, 40, 120, 200)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  public static byte[] png(int width, int height) {
    return write(picture(width, height, true), "png");
  }

  public static byte[] jpeg(int width, int height) {
    return write(picture(width, height, false), "jpeg");
  }

  /**
   * A JPEG carrying an EXIF segment with a GPS position (latitude N 52° 31′), the camera's make
   * ("JotterCam") and a comment, as a phone writes it.
   */
  public static byte[] jpegWithGps(int width, int height) {
    return withApp1(jpeg(width, height), exifWithGps());
  }

  /** A JPEG with an APP1 segment holding this payload right after its start of image. */
  static byte[] withApp1(byte[] plain, byte[] payload) {
    ByteBuffer out = ByteBuffer.allocate(plain.length + payload.length + 4);
    out.put(plain, 0, 2); // SOI
    out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
    out.put(plain, 2, plain.length - 2);
    return out.array();
  }

  /** A JPEG of this size whose EXIF says to show it turned by this orientation (1–8). */
  public static byte[] jpegWithOrientation(int width, int height, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    tiff.putShort((short) 0).putInt(0);
    byte[] exif = new byte[6 + tiff.capacity()];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
    System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
    return withApp1(jpeg(width, height), exif);
  }

  /** The APP1 payload: "Exif\0\0", a big-endian TIFF header, IFD0 (Make, GPS IFD), the GPS IFD. */
  static byte[] exifWithGps() {
    ByteBuffer tiff = ByteBuffer.allocate(200);
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    // IFD0 at 8: two entries
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x010F).putShort((short) 2).putInt(10).putInt(38); // Make -> offset 38
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(48); // GPS IFD at 48
    tiff.putInt(0); // no next IFD; position 8 + 2 + 24 + 4 = 38
    tiff.put("JotterCam\0".getBytes(StandardCharsets.US_ASCII)); // 38..48
    // GPS IFD at 48: GPSLatitudeRef "N", GPSLatitude 52/1 31/1 0/1
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(48 + 2 + 24 + 4);
    tiff.putInt(0);
    tiff.putInt(52).putInt(1).putInt(31).putInt(1).putInt(0).putInt(1);
    int length = tiff.position();
    ByteBuffer app1 = ByteBuffer.allocate(6 + length);
    app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array(), 0, length);
    return app1.array();
  }

  /**
   * A small PNG whose header claims this size: a decompression bomb's header (its pixel data is the
   * small image's, so it would not even decode).
   */
  public static byte[] pngClaiming(int width, int height) {
    byte[] png = png(10, 10);
    ByteBuffer buffer = ByteBuffer.wrap(png);
    buffer.putInt(16, width).putInt(20, height); // IHDR data starts at 16
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17); // chunk type and its 13 bytes of data
    buffer.putInt(29, (int) crc.getValue());
    return png;
  }

  /** Whether these bytes contain this ASCII text anywhere. */
  public static boolean contains(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
  }

  private static byte[] write(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
