package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jotter.authoring.domain.ImageRefusedException.Reason;
import dev.jotter.it.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageCodecTest {

  final ImageCodec codec = new ImageCodec(25_000_000);

  static BufferedImage read(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  @Test
  void aPngIsStoredAsPngWithVariantsOnlyNarrowerThanItself() throws Exception {
    ProcessedImage image = codec.process(TestImages.png(1200, 800));
    assertThat(image.format()).isEqualTo(ImageFormat.PNG);
    assertThat(image.original().width()).isEqualTo(1200);
    assertThat(image.original().height()).isEqualTo(800);
    assertThat(image.variants()).extracting(EncodedImage::width).containsExactly(600, 1000);
    assertThat(image.variants()).extracting(EncodedImage::height).containsExactly(400, 667);
    BufferedImage variant = read(image.variants().get(0).bytes());
    assertThat(variant.getWidth()).isEqualTo(600);
    assertThat(variant.getHeight()).isEqualTo(400);
    assertThat(read(image.original().bytes()).getColorModel().hasAlpha()).isTrue();
  }

  @Test
  void aSmallImageIsNeverUpscaled() throws Exception {
    ProcessedImage image = codec.process(TestImages.jpeg(500, 300));
    assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(image.original().width()).isEqualTo(500);
    assertThat(image.variants()).isEmpty();
  }

  @Test
  void aWideImageGetsEveryWidth() throws Exception {
    ProcessedImage image = codec.process(TestImages.jpeg(2400, 1200));
    assertThat(image.variants()).extracting(EncodedImage::width).containsExactly(600, 1000, 2000);
    assertThat(read(image.variants().get(2).bytes()).getWidth()).isEqualTo(2000);
  }

  @Test
  void exifAndGpsAreNotKept() throws Exception {
    byte[] upload = TestImages.jpegWithGps(800, 600);
    assertThat(TestImages.contains(upload, "Exif")).isTrue();
    assertThat(TestImages.contains(upload, "JotterCam")).isTrue();
    ProcessedImage image = codec.process(upload);
    for (byte[] stored : new byte[][] {image.original().bytes(), image.variants().get(0).bytes()}) {
      assertThat(TestImages.contains(stored, "Exif")).isFalse();
      assertThat(TestImages.contains(stored, "JotterCam")).isFalse();
      assertThat(hasApp1(stored)).isFalse();
      assertThat(read(stored)).isNotNull();
    }
  }

  /** Whether a JPEG has an APP1 (EXIF or XMP) segment before its image data. */
  static boolean hasApp1(byte[] jpeg) {
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == 0xE1) {
        return true;
      }
      if (marker == 0xDA) {
        return false; // start of scan: no more headers
      }
      i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
    }
    return false;
  }

  @Test
  void aPhotoTakenSidewaysIsStoredTheRightWayUp() throws Exception {
    ProcessedImage turned = codec.process(TestImages.jpegWithOrientation(800, 400, 6));
    assertThat(turned.original().width()).isEqualTo(400);
    assertThat(turned.original().height()).isEqualTo(800);
    assertThat(read(turned.original().bytes()).getHeight()).isEqualTo(800);
    ProcessedImage upright = codec.process(TestImages.jpegWithOrientation(800, 400, 1));
    assertThat(upright.original().width()).isEqualTo(800);
    assertThat(ExifOrientation.of(TestImages.jpegWithOrientation(10, 10, 8))).isEqualTo(8);
    assertThat(ExifOrientation.of(TestImages.jpeg(10, 10))).isEqualTo(1);
    assertThat(ExifOrientation.of(TestImages.jpegWithGps(10, 10))).isEqualTo(1);
  }

  @Test
  void everyOrientationPutsTheTopLeftPixelWhereItBelongs() {
    int w = 30;
    int h = 10;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xFF0000);
    int[][] expected = { // where the top left pixel goes, for orientations 1 to 8
      {0, 0}, {w - 1, 0}, {w - 1, h - 1}, {0, h - 1}, {0, 0}, {h - 1, 0}, {h - 1, w - 1}, {0, w - 1}
    };
    for (int o = 1; o <= 8; o++) {
      BufferedImage turned = ExifOrientation.apply(image, o);
      assertThat(turned.getWidth()).as("width, orientation " + o).isEqualTo(o >= 5 ? h : w);
      assertThat(turned.getHeight()).as("height, orientation " + o).isEqualTo(o >= 5 ? w : h);
      int[] at = expected[o - 1];
      assertThat(turned.getRGB(at[0], at[1]) & 0xFFFFFF).as("orientation " + o).isEqualTo(0xFF0000);
    }
  }

  @Test
  void textIsNotAnImage() {
    assertThatThrownBy(
            () -> codec.process("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE))
        .hasMessageContaining("PNG, JPEG, WebP or GIF");
  }

  @Test
  void aTruncatedImageIsNotAnImage() {
    byte[] png = TestImages.png(300, 300);
    byte[] half = java.util.Arrays.copyOf(png, 60);
    assertThatThrownBy(() -> codec.process(half))
        .isInstanceOfSatisfying(
            ImageRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE));
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeader() {
    byte[] bomb = TestImages.pngClaiming(100_000, 100_000);
    assertThat(bomb.length).isLessThan(1000);
    assertThatThrownBy(() -> codec.process(bomb))
        .isInstanceOfSatisfying(
            ImageRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS))
        .hasMessageContaining("100000 × 100000");
  }

  @Test
  void aGifIsStoredAsPng() throws Exception {
    java.io.ByteArrayOutputStream gif = new java.io.ByteArrayOutputStream();
    ImageIO.write(TestImages.picture(700, 100, false), "gif", gif);
    ProcessedImage image = codec.process(gif.toByteArray());
    assertThat(image.format()).isEqualTo(ImageFormat.PNG);
    assertThat(image.variants()).extracting(EncodedImage::width).containsExactly(600);
  }

  @Test
  void aWebPIsReadWithTwelveMonkeysAndStoredAsJpegOrPngByItsTransparency() throws Exception {
    ProcessedImage lossy = codec.process(TestImages.WEBP_LOSSY);
    assertThat(lossy.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(lossy.original().width()).isEqualTo(1);
    assertThat(read(lossy.original().bytes())).isNotNull();
    ProcessedImage lossless = codec.process(TestImages.WEBP_LOSSLESS);
    assertThat(lossless.format()).isEqualTo(ImageFormat.PNG);
  }

  @Test
  void aLargePhotographIsDecodedAtAWholeFractionOfItsSize() {
    assertThat(ImageCodec.subsampling(3000, 2000)).isEqualTo(1);
    assertThat(ImageCodec.subsampling(6000, 4000)).isEqualTo(2);
    assertThat(ImageCodec.subsampling(12000, 9000)).isEqualTo(4);
  }
}
