package dev.jotter.content.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostSeoTest {

  static final OffsetDateTime AT = OffsetDateTime.of(2026, 6, 14, 21, 40, 0, 0, ZoneOffset.UTC);

  static PostView post(FeatureImage image, PostSeo seo) {
    return new PostView(
        7L,
        "europa",
        "Europa",
        null,
        "<p>Ice.</p>",
        "Ice.",
        "Ice and an ocean.",
        null,
        List.of(),
        image,
        PostStatus.PUBLISHED,
        AT,
        AT,
        AT,
        ReadingTime.of(1, 0),
        1L,
        List.of(new AuthorView(1L, "ann", "Ann", null, null, null, null)),
        List.of(),
        false,
        seo);
  }

  @Test
  void nothingSetDerivesEverythingFromThePost() {
    PostView p = post(new FeatureImage("/media/europa.jpg", "Europa"), PostSeo.NONE);
    PostSeo seo = p.seo().orDefaults(p, "https://blog.example");
    assertThat(seo)
        .isEqualTo(
            new PostSeo(
                "Europa",
                "Ice and an ocean.",
                "https://blog.example/p/europa",
                "Europa",
                "Ice and an ocean.",
                "https://blog.example/media/europa.jpg",
                "Europa",
                "Ice and an ocean.",
                "https://blog.example/media/europa.jpg"));
  }

  @Test
  void openGraphFollowsTheMetaFieldsAndTwitterFollowsOpenGraph() {
    PostSeo set = new PostSeo("Meta", "Meta text", null, null, "OG text", null, "TW", null, null);
    PostView p = post(null, set);
    PostSeo seo = p.seo().orDefaults(p, "https://blog.example");
    assertThat(seo.ogTitle()).isEqualTo("Meta");
    assertThat(seo.ogDescription()).isEqualTo("OG text");
    assertThat(seo.twitterTitle()).isEqualTo("TW");
    assertThat(seo.twitterDescription()).isEqualTo("OG text");
    assertThat(seo.ogImage()).isNull();
    assertThat(seo.twitterImage()).isNull();
  }

  @Test
  void aChangeSetsWhatItNamesClearsWhatIsEmptyAndKeepsTheRest() {
    PostSeo before = new PostSeo("A", "B", "https://c.example", null, null, null, null, null, null);
    PostSeo after = before.with(new PostSeo("", null, null, "OG", null, null, null, null, null));
    assertThat(after)
        .isEqualTo(new PostSeo(null, "B", "https://c.example", "OG", null, null, null, null, null));
    assertThat(before.with(null)).isEqualTo(before);
  }
}
