package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTest {

  static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  static Image image(int width, int height, List<EncodedImage> variants) {
    return new Image(
        SHA,
        "europa",
        new ProcessedImage(
            ImageFormat.JPEG, new EncodedImage(width, height, new byte[0]), variants),
        1234,
        7L,
        OffsetDateTime.now());
  }

  @Test
  void theSrcsetListsTheVariantsThenTheFullSize() {
    Image image =
        image(
            1200,
            800,
            List.of(new EncodedImage(600, 400, new byte[0]), new EncodedImage(1000, 667, null)));
    assertThat(image.url()).isEqualTo("/images/0123456789abcdef/europa.jpg");
    assertThat(image.srcset())
        .isEqualTo(
            "/images/0123456789abcdef/europa-600w.jpg 600w,"
                + " /images/0123456789abcdef/europa-1000w.jpg 1000w,"
                + " /images/0123456789abcdef/europa.jpg 1200w");
    assertThat(image.variants())
        .containsExactly(
            new Image.Variant("/images/0123456789abcdef/europa-600w.jpg", 600, 400),
            new Image.Variant("/images/0123456789abcdef/europa-1000w.jpg", 1000, 667));
    assertThat(image.file("europa-1000w.jpg"))
        .hasValueSatisfying(v -> assertThat(v.height()).isEqualTo(667));
    assertThat(image.file("europa-2000w.jpg")).isEmpty();
    assertThat(image.fileNames())
        .containsExactly("europa.jpg", "europa-600w.jpg", "europa-1000w.jpg");
  }

  @Test
  void aSmallImageHasItselfAlone() {
    Image image = image(400, 300, List.of());
    assertThat(image.variants()).isEmpty();
    assertThat(image.srcset()).isEqualTo("/images/0123456789abcdef/europa.jpg 400w");
  }

  @Test
  void fileNamesAreMadeSafe() {
    assertThat(Image.nameFrom("Mars Rover (Final).JPG")).isEqualTo("mars-rover-final");
    assertThat(Image.nameFrom("../../etc/passwd")).isEqualTo("passwd");
    assertThat(Image.nameFrom("C:\\photos\\Été à Paris.png")).isEqualTo("ete-a-paris");
    assertThat(Image.nameFrom(null)).isEqualTo("image");
    assertThat(Image.nameFrom("???.png")).isEqualTo("image");
    assertThat(Image.nameFrom("x".repeat(100) + ".png")).hasSize(Image.MAX_NAME_LENGTH);
  }

  @Test
  void onlyUploadAddressesAreUploads() {
    String site = "https://blog.example";
    assertThat(ImageAddress.ofUrl("/images/0123456789abcdef/europa-600w.jpg", site))
        .contains(new ImageAddress("0123456789abcdef", "europa-600w.jpg"));
    assertThat(ImageAddress.ofUrl(site + "/images/0123456789abcdef/europa.png", site))
        .contains(new ImageAddress("0123456789abcdef", "europa.png"));
    assertThat(ImageAddress.ofUrl("https://other.example/images/0123456789abcdef/a.png", site))
        .isEmpty();
    assertThat(ImageAddress.ofUrl("/media/astro.svg", site)).isEmpty();
    assertThat(ImageAddress.ofPath("/images/0123456789abcdef/../x.png")).isEmpty();
    assertThat(ImageAddress.ofPath("/images/0123456789ABCDEF/a.png")).isEmpty();
    assertThat(ImageAddress.ofPath("/images/0123456789abcdef/a.gif")).isEmpty();
  }
}
