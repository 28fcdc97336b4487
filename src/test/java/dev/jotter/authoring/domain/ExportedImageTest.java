package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jotter.authoring.domain.ImageRefusedException.Reason;
import dev.jotter.it.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which entries of a Markdown zip are images to restore, and how their files are checked. */
class ExportedImageTest {

  static final String ID = "0123456789abcdef";

  @Test
  void anExportedImageIsItsFullSizeFileAndItsVariants() {
    ExportedImage.Listing listing =
        ExportedImage.list(
            List.of(
                "posts/a.md",
                "images/" + ID + "/europa-ice-1000w.png",
                "images/" + ID + "/europa-ice.png",
                "images/" + ID + "/europa-ice-600w.png",
                "images/fedcba9876543210/moon.jpg"));
    assertThat(listing.ignored()).isEmpty();
    assertThat(listing.images())
        .containsExactly(
            new ExportedImage(ID, "europa-ice", ImageFormat.PNG, List.of(600, 1000)),
            new ExportedImage("fedcba9876543210", "moon", ImageFormat.JPEG, List.of()));
    ExportedImage image = listing.images().get(0);
    assertThat(image.fileName()).isEqualTo("europa-ice.png");
    assertThat(image.entry(image.variantFileName(600)))
        .isEqualTo("images/" + ID + "/europa-ice-600w.png");
  }

  @Test
  void aFullSizeNamedLikeAVariantIsStillTheFullSize() {
    assertThat(ExportedImage.list(List.of("images/" + ID + "/shot-600w.jpg")).images())
        .containsExactly(new ExportedImage(ID, "shot-600w", ImageFormat.JPEG, List.of()));
  }

  @Test
  void namesNoUploadCouldHaveAreLeftAsideWithTheReason() {
    ExportedImage.Listing listing =
        ExportedImage.list(
            List.of(
                "images/" + ID + "/Europa.PNG",
                "images/" + ID + "/page.html",
                "images/../../etc/passwd",
                "images/0123/short-id.png",
                "images/" + ID + "/sub/dir.png",
                "images/" + ID + "/.DS_Store",
                "images/readme.txt"));
    assertThat(listing.images()).isEmpty();
    assertThat(listing.ignored())
        .extracting(ExportedImage.Ignored::entry)
        .containsExactly(
            "images/" + ID + "/Europa.PNG",
            "images/" + ID + "/page.html",
            "images/../../etc/passwd",
            "images/0123/short-id.png",
            "images/" + ID + "/sub/dir.png",
            "images/readme.txt");
    assertThat(listing.ignored().get(0).reason()).contains("16 hex digits");
  }

  @Test
  void aFolderWithoutOneFullSizeOrWithMixedFormatsIsLeftAside() {
    ExportedImage.Listing twoImages =
        ExportedImage.list(List.of("images/" + ID + "/a.png", "images/" + ID + "/b.png"));
    assertThat(twoImages.images()).isEmpty();
    assertThat(twoImages.ignored()).hasSize(2);
    assertThat(twoImages.ignored().get(0).reason()).contains("full-size");
    assertThat(
            ExportedImage.list(List.of("images/" + ID + "/a.png", "images/" + ID + "/a-600w.jpg"))
                .images())
        .isEmpty();
    assertThat(
            ExportedImage.list(List.of("images/" + ID + "/a.png", "images/" + ID + "/b-600w.png"))
                .images())
        .isEmpty();
  }

  @Test
  void aStoredFileIsCheckedAsTheImageItsNameSaysAndKeptByteForByte() throws Exception {
    ImageCodec codec = new ImageCodec(25_000_000);
    byte[] png = TestImages.png(1200, 800);
    EncodedImage checked = codec.check(png, ImageFormat.PNG);
    assertThat(checked.width()).isEqualTo(1200);
    assertThat(checked.height()).isEqualTo(800);
    assertThat(checked.bytes()).isSameAs(png);
    assertThatThrownBy(() -> codec.check(png, ImageFormat.JPEG))
        .isInstanceOfSatisfying(
            ImageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE))
        .hasMessageContaining("not the JPEG");
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.check(html, ImageFormat.PNG))
        .isInstanceOfSatisfying(
            ImageRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE));
    byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
    assertThatThrownBy(() -> codec.check(truncated, ImageFormat.PNG))
        .isInstanceOf(ImageRefusedException.class);
    assertThatThrownBy(() -> codec.check(TestImages.pngClaiming(100_000, 100_000), ImageFormat.PNG))
        .isInstanceOfSatisfying(
            ImageRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
  }
}
