package dev.jotter.content.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.ReadingTime;
import dev.jotter.content.api.TagView;
import dev.jotter.platform.errors.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {

  private static final OffsetDateTime PUBLISHED =
      OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC);
  private static final OffsetDateTime UPDATED =
      OffsetDateTime.of(2024, 6, 15, 18, 45, 12, 0, ZoneOffset.UTC);

  private static PostView post(long id, String title, OffsetDateTime publishedAt) {
    return new PostView(
        id,
        "a-post",
        title,
        null,
        "<p>Hello.</p>",
        "Hello.",
        "Hello.",
        null,
        List.of(),
        null,
        PostStatus.PUBLISHED,
        publishedAt,
        publishedAt,
        UPDATED,
        ReadingTime.of(1, 0),
        1L,
        List.of(new AuthorView(7L, "ann", "Ann", null, null, null, null)),
        List.of(new TagView(3L, "notes", "Notes", null)),
        false,
        PostSeo.NONE);
  }

  private static String base64(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(PostOrder.class)
  void aCursorParsesBackToThePostsIdAndSortValue(PostOrder order) throws Exception {
    PostView post = post(42L, "Thinking in public", PUBLISHED);

    PostPosition position = Cursors.parse(Cursors.of(post, order), order);

    String expectedSortValue =
        switch (order) {
          case PUBLISHED_AT_DESC, PUBLISHED_AT_ASC -> "2024-05-01T09:30:00Z";
          case UPDATED_AT_DESC -> "2024-06-15T18:45:12Z";
          case TITLE_ASC -> "Thinking in public";
        };
    assertThat(position).isEqualTo(new PostPosition(order, expectedSortValue, 42L));
  }

  @Test
  void aDateCursorHoldsTheInstantWhateverTheOffset() throws Exception {
    OffsetDateTime inParis = OffsetDateTime.of(2024, 5, 1, 11, 30, 0, 0, ZoneOffset.ofHours(2));
    PostView post = post(5L, "Title", inParis);

    PostPosition position =
        Cursors.parse(Cursors.of(post, PostOrder.PUBLISHED_AT_DESC), PostOrder.PUBLISHED_AT_DESC);

    assertThat(position.sortValue()).isEqualTo("2024-05-01T09:30:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pipes | and more | pipes", "|", "Ends with a pipe|", "Café ☕ | 日本語"})
  void aTitleContainingPipesOrAnyCharactersRoundTrips(String title) throws Exception {
    PostView post = post(9L, title, PUBLISHED);

    PostPosition position =
        Cursors.parse(Cursors.of(post, PostOrder.TITLE_ASC), PostOrder.TITLE_ASC);

    assertThat(position).isEqualTo(new PostPosition(PostOrder.TITLE_ASC, title, 9L));
  }

  @ParameterizedTest
  @EnumSource(PostOrder.class)
  void aCursorIsUrlSafeText(PostOrder order) {
    String cursor = Cursors.of(post(42L, "Slashes / plus + and ? marks", PUBLISHED), order);

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void aNullCursorIsTheStartOfTheList() throws Exception {
    assertThat(Cursors.parse(null, PostOrder.PUBLISHED_AT_DESC)).isNull();
  }

  @Test
  void cursorsOfDifferentPostsDiffer() {
    assertThat(Cursors.of(post(1L, "Same", PUBLISHED), PostOrder.TITLE_ASC))
        .isNotEqualTo(Cursors.of(post(2L, "Same", PUBLISHED), PostOrder.TITLE_ASC));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "zzz",
        "",
        "z",
        "not base64!",
        "aGVsbG8", // "hello"
        "aGVsbG8=",
      })
  void garbageIsRejectedAsAnAfterArgumentError(String cursor) {
    assertThatThrownBy(() -> Cursors.parse(cursor, PostOrder.PUBLISHED_AT_DESC))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("after:");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "p1|PUBLISHED_AT_DESC|42",
        "p2|PUBLISHED_AT_DESC|42|2024-05-01T09:30:00Z",
        "p1|PUBLISHED_AT_DESC|forty-two|2024-05-01T09:30:00Z",
        "p1|PUBLISHED_AT_DESC||2024-05-01T09:30:00Z",
        "p1|PUBLISHED_AT_DESC|42|yesterday",
        "p1|PUBLISHED_AT_DESC|42|",
      })
  void aWellEncodedCursorWithBadFieldsIsRejectedAsAnAfterArgumentError(String raw) {
    assertThatThrownBy(() -> Cursors.parse(base64(raw), PostOrder.PUBLISHED_AT_DESC))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("after:");
  }

  @Test
  void aCursorOfAnotherOrderIsRejectedNamingItsOrder() {
    String cursor = Cursors.of(post(42L, "Title", PUBLISHED), PostOrder.TITLE_ASC);

    assertThatThrownBy(() -> Cursors.parse(cursor, PostOrder.PUBLISHED_AT_DESC))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("after:")
        .hasMessageContaining("TITLE_ASC");
  }

  @Test
  void aNewestFirstCursorIsNotAcceptedForOldestFirst() {
    String cursor = Cursors.of(post(42L, "Title", PUBLISHED), PostOrder.PUBLISHED_AT_DESC);

    assertThatThrownBy(() -> Cursors.parse(cursor, PostOrder.PUBLISHED_AT_ASC))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("PUBLISHED_AT_DESC");
  }
}
