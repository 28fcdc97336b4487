package dev.jotter.content.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingTimeTest {

  @Test
  void a443WordBodyWithoutImagesReadsTwoMinutes() {
    ReadingTime time = ReadingTime.of(443, 0);

    assertThat(time.minutes()).isEqualTo(2);
    assertThat(time.label()).isEqualTo("2 min read");
    assertThat(time.words()).isEqualTo(443);
    assertThat(time.images()).isZero();
  }

  @Test
  void anEmptyBodyStillReadsOneMinute() {
    ReadingTime time = ReadingTime.of(0, 0);

    assertThat(time.minutes()).isEqualTo(1);
    assertThat(time.label()).isEqualTo("1 min read");
  }

  @Test
  void aFewWordsRoundDownToZeroButAreShownAsOneMinute() {
    assertThat(ReadingTime.of(50, 0).minutes()).isEqualTo(1);
  }

  @Test
  void tenImagesAloneTakeSeventyFiveSecondsAndReadOneMinute() {
    assertThat(ReadingTime.of(0, 10).minutes()).isEqualTo(1);
  }

  @Test
  void twelveImagesAloneTakeEightyOneSecondsAndReadOneMinute() {
    assertThat(ReadingTime.of(0, 12).minutes()).isEqualTo(1);
  }

  @Test
  void fifteenImagesAloneTakeExactlyNinetySecondsAndRoundHalfUpToTwoMinutes() {
    // 75 s for the first ten, then 3 s each: 14 images = 87 s, 15 images = 90 s
    assertThat(ReadingTime.of(0, 14).minutes()).isEqualTo(1);
    assertThat(ReadingTime.of(0, 15).minutes()).isEqualTo(2);
  }

  /**
   * Each row pins the seconds the images add: the words bring the total to just under 90 s (1
   * minute) and, with one more word, just over 90 s (2 minutes). Words take 60/275 s each.
   */
  @ParameterizedTest(name = "{0} images add {1} s")
  @CsvSource({
    // images, image seconds, words giving just under 90 s, words giving just over 90 s
    "1, 12, 357, 358",
    "2, 23, 307, 308",
    "10, 75, 68, 69",
    "12, 81, 41, 42",
  })
  void imagesAddTwelveSecondsForTheFirstDownToThreeForTheTenthAndEachAfter(
      int images, int imageSeconds, int wordsUnder, int wordsOver) {
    assertThat(imageSeconds + wordsUnder * 60.0 / 275).isLessThan(90);
    assertThat(imageSeconds + wordsOver * 60.0 / 275).isGreaterThan(90);

    assertThat(ReadingTime.of(wordsUnder, images).minutes()).isEqualTo(1);
    assertThat(ReadingTime.of(wordsOver, images).minutes()).isEqualTo(2);
  }

  @Test
  void wordsRoundToTheNearestMinuteAtTheHalfMinute() {
    // 412 words = 89.89 s, 413 words = 90.11 s
    assertThat(ReadingTime.of(412, 0).minutes()).isEqualTo(1);
    assertThat(ReadingTime.of(413, 0).minutes()).isEqualTo(2);
    // 687 words = 149.89 s, 688 words = 150.11 s
    assertThat(ReadingTime.of(687, 0).minutes()).isEqualTo(2);
    assertThat(ReadingTime.of(688, 0).minutes()).isEqualTo(3);
  }

  @Test
  void wordsAndImagesAddingUpToExactlyNinetySecondsRoundUpToTwoMinutes() {
    // 55 words = 12 s, eleven images = 78 s
    assertThat(ReadingTime.of(55, 11).minutes()).isEqualTo(2);
    // 54 words = 11.78 s
    assertThat(ReadingTime.of(54, 11).minutes()).isEqualTo(1);
  }

  @Test
  void a2750WordBodyReadsTenMinutes() {
    ReadingTime time = ReadingTime.of(2750, 0);

    assertThat(time.minutes()).isEqualTo(10);
    assertThat(time.label()).isEqualTo("10 min read");
  }

  @Test
  void imagesAddToALongBody() {
    // 2750 words = 600 s; 15 images = 90 s; 690 s = 11.5 min
    assertThat(ReadingTime.of(2750, 15).minutes()).isEqualTo(12);
    assertThat(ReadingTime.of(2750, 14).minutes()).isEqualTo(11);
  }

  @Test
  void negativeWordsAreRejected() {
    assertThatThrownBy(() -> ReadingTime.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negativeImagesAreRejected() {
    assertThatThrownBy(() -> ReadingTime.of(100, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
