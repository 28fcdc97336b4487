package dev.jotter.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcerptTest {

  private static final String ELLIPSIS = "…";

  @Test
  void aCustomExcerptWinsOverTheBodyAndIsStripped() {
    assertThat(Excerpt.of("  A custom summary.\n", "The body says something else."))
        .isEqualTo("A custom summary.");
  }

  @Test
  void aBlankCustomExcerptFallsBackToTheBody() {
    assertThat(Excerpt.of(" \n\t ", "The body text.")).isEqualTo("The body text.");
  }

  @Test
  void aMissingCustomExcerptFallsBackToTheBody() {
    assertThat(Excerpt.of(null, "The body text.")).isEqualTo("The body text.");
  }

  @Test
  void aShortBodyIsReturnedWholeWithItsWhitespaceCollapsed() {
    assertThat(Excerpt.of(null, "  First line.\n\nSecond\t line  ends here.  "))
        .isEqualTo("First line. Second line ends here.");
  }

  @Test
  void aBodyOfExactly160CharactersIsReturnedWholeWithoutAnEllipsis() {
    String text = "word ".repeat(31) + "abcde";
    assertThat(text).hasSize(160);

    assertThat(Excerpt.of(null, text)).isEqualTo(text);
  }

  @Test
  void aMissingBodyGivesAnEmptyExcerpt() {
    assertThat(Excerpt.of(null, null)).isEmpty();
  }

  @Test
  void aLongBodyIsCutAtAWordBoundaryAndEndsWithAnEllipsis() {
    String text = words(400);

    String excerpt = Excerpt.of(null, text);

    assertThat(excerpt).endsWith(ELLIPSIS).hasSizeLessThanOrEqualTo(Excerpt.DERIVED_LENGTH);
    String head = excerpt.substring(0, excerpt.length() - ELLIPSIS.length());
    assertThat(text).startsWith(head);
    assertThat(text.charAt(head.length())).as("character after the cut").isEqualTo(' ');
    assertThat(head.length()).isGreaterThan(Excerpt.DERIVED_LENGTH - 20);
  }

  /** Shifts the text one character at a time so the cut falls at every place inside a word. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
  void aLongBodyIsNeverCutInTheMiddleOfAWord(int shift) {
    String text = "x".repeat(shift + 1) + " " + words(400);

    String excerpt = Excerpt.of(null, text);

    assertThat(excerpt).endsWith(ELLIPSIS).hasSizeLessThanOrEqualTo(Excerpt.DERIVED_LENGTH);
    String head = excerpt.substring(0, excerpt.length() - ELLIPSIS.length());
    assertThat(text).startsWith(head);
    assertThat(text.charAt(head.length())).as("character after the cut").isEqualTo(' ');
  }

  @Test
  void aWordEndingAtCharacter160IsDroppedToLeaveRoomForTheEllipsis() {
    String text = "a".repeat(150) + " " + "b".repeat(9) + " more words follow";
    assertThat(text.indexOf(" more")).isEqualTo(160);

    assertThat(Excerpt.of(null, text)).isEqualTo("a".repeat(150) + ELLIPSIS);
  }

  @Test
  void punctuationBeforeTheCutIsDroppedBeforeTheEllipsis() {
    String text = "a".repeat(130) + " end, of the sentence; " + "z".repeat(40);

    assertThat(Excerpt.of(null, text))
        .isEqualTo("a".repeat(130) + " end, of the sentence" + ELLIPSIS);
  }

  @Test
  void aBodyWithoutSpacesInItsFirst160CharactersIsStillCut() {
    String text = "x".repeat(300) + " and then some words";

    String excerpt = Excerpt.of(null, text);

    assertThat(excerpt).isEqualTo("x".repeat(Excerpt.DERIVED_LENGTH - 1) + ELLIPSIS);
  }

  @Test
  void aBodyOfEmojiWithoutSpacesIsNotCutInsideASurrogatePair() {
    String text = "😀".repeat(100);

    String excerpt = Excerpt.of(null, text);

    String head = excerpt.substring(0, excerpt.length() - ELLIPSIS.length());
    assertThat(head.codePoints().filter(cp -> Character.getType(cp) == Character.SURROGATE))
        .isEmpty();
    assertThat(excerpt).endsWith(ELLIPSIS).hasSizeLessThanOrEqualTo(Excerpt.DERIVED_LENGTH);
  }

  /** {@code count} words of 2 to 9 letters, separated by single spaces. */
  private static String words(int count) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      words.add(String.valueOf((char) ('a' + i % 26)).repeat(2 + i * 7 % 8));
    }
    return String.join(" ", words);
  }
}
