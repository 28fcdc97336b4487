package dev.jotter.authoring.domain;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG (how a phone held sideways wants its pixels turned), read before
 * the metadata is dropped and applied to the pixels, so the stored image stands the right way up
 * without it. Values 1–8 as in EXIF; 1 (or anything unreadable) leaves the image as it is.
 */
final class ExifOrientation {

  private ExifOrientation() {}

  /** The orientation in a JPEG's EXIF segment, 1 when there is none. */
  static int of(byte[] jpeg) {
    try {
      int i = 2;
      while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
        int marker = jpeg[i + 1] & 0xFF;
        int length = u16(jpeg, i + 2, false);
        if (marker == 0xDA) {
          return 1; // the image data starts: no more headers
        }
        if (marker == 0xE1 && length > 8 && "Exif\0\0".equals(ascii(jpeg, i + 4, 6))) {
          return inTiff(jpeg, i + 10, i + 2 + length);
        }
        i += 2 + length;
      }
    } catch (IndexOutOfBoundsException e) {
      // a truncated header: as if there were none
    }
    return 1;
  }

  private static int inTiff(byte[] b, int tiff, int end) {
    boolean little = b[tiff] == 'I';
    int ifd = tiff + u32(b, tiff + 4, little);
    int entries = u16(b, ifd, little);
    for (int e = 0; e < entries; e++) {
      int entry = ifd + 2 + 12 * e;
      if (entry + 12 > end) {
        return 1;
      }
      if (u16(b, entry, little) == 0x0112) {
        int value = u16(b, entry + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  /** The image turned and flipped as its orientation says. */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0); // mirrored
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h); // upside down
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h); // mirrored upside down
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // mirrored, turned left
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0); // turned right
      case 7 -> t.setTransform(0, -1, -1, 0, h, w); // mirrored, turned right
      default -> t.setTransform(0, -1, 1, 0, 0, w); // 8: turned left
    }
    int type =
        image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, type);
    Graphics2D g = turned.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return turned;
  }

  private static int u16(byte[] b, int at, boolean little) {
    int x = b[at] & 0xFF;
    int y = b[at + 1] & 0xFF;
    return little ? y << 8 | x : x << 8 | y;
  }

  private static int u32(byte[] b, int at, boolean little) {
    return little
        ? u16(b, at + 2, true) << 16 | u16(b, at, true)
        : u16(b, at, false) << 16 | u16(b, at + 2, false);
  }

  private static String ascii(byte[] b, int at, int length) {
    return new String(b, at, length, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
