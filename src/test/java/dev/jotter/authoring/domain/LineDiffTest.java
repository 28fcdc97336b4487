package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jotter.authoring.domain.LineDiff.Kind;
import dev.jotter.authoring.domain.LineDiff.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Line diffs: known texts give the expected lines and numbers; every diff, minimal or not, gives
 * back both texts; above the Myers bound the diff is the whole middle removed then added, and the
 * worst case stays fast.
 */
class LineDiffTest {

  @Test
  void aChangedLineIsRemovedThenAdded_withItsNumberOnEachSide() {
    LineDiff diff = LineDiff.of("title\nold line\nsame\n", "title\nnew line\nsame\nmore\n");

    assertThat(diff.lines())
        .containsExactly(
            new Line(Kind.UNCHANGED, "title", 1, 1),
            new Line(Kind.REMOVED, "old line", 2, null),
            new Line(Kind.ADDED, "new line", null, 2),
            new Line(Kind.UNCHANGED, "same", 3, 3),
            new Line(Kind.ADDED, "more", null, 4));
    assertThat(diff.added()).isEqualTo(2);
    assertThat(diff.removed()).isEqualTo(1);
    assertThat(diff.minimal()).isTrue();
  }

  @Test
  void aMovedParagraphIsFoundBetweenUnchangedLines() {
    LineDiff diff = LineDiff.of("a\nb\nc\nd\ne", "a\nc\nd\nb\ne");
    assertThat(render(diff)).isEqualTo(" a|-b| c| d|+b| e");
    assertThat(diff.added()).isEqualTo(1);
    assertThat(diff.removed()).isEqualTo(1);
  }

  @Test
  void identicalTextsAreAllUnchanged_andEmptyTextsHaveNoLines() {
    LineDiff same = LineDiff.of("one\ntwo", "one\ntwo\n");
    assertThat(render(same)).isEqualTo(" one| two");
    assertThat(same.added() + same.removed()).isZero();

    assertThat(LineDiff.of("", "").lines()).isEmpty();
    assertThat(render(LineDiff.of("", "new\ntext"))).isEqualTo("+new|+text");
    assertThat(render(LineDiff.of("old\ntext", ""))).isEqualTo("-old|-text");
  }

  @Test
  void windowsLineEndingsAreLineEndings() {
    assertThat(LineDiff.lines("a\r\nb\r\n\r\nc")).containsExactly("a", "b", "", "c");
    assertThat(LineDiff.of("a\r\nb", "a\nb").added()).isZero();
  }

  @Test
  void aboveTheBoundTheMiddleIsReplacedWhole_butTheCommonStartAndEndStayUnchanged() {
    String before = "start\nx1\nshared\nx2\nend";
    String after = "start\ny1\nshared\ny2\nend";

    LineDiff minimal = LineDiff.of(before, after, 6);
    assertThat(minimal.minimal()).isTrue();
    assertThat(render(minimal)).isEqualTo(" start|-x1|+y1| shared|-x2|+y2| end");

    LineDiff whole = LineDiff.of(before, after, 5);
    assertThat(whole.minimal()).isFalse();
    assertThat(render(whole)).isEqualTo(" start|-x1|-shared|-x2|+y1|+shared|+y2| end");
    assertThat(whole.removed()).isEqualTo(3);
    assertThat(whole.added()).isEqualTo(3);
    assertBothSidesComeBack(whole, before, after);
  }

  @Test
  void everyDiffGivesBackBothTexts_minimalOrNot() {
    Random random = new Random(13);
    for (int run = 0; run < 300; run++) {
      String before = randomText(random);
      String after = randomText(random);
      LineDiff minimal = LineDiff.of(before, after, Integer.MAX_VALUE);
      LineDiff whole = LineDiff.of(before, after, 0);
      assertBothSidesComeBack(minimal, before, after);
      assertBothSidesComeBack(whole, before, after);
      assertThat(minimal.added() + minimal.removed())
          .isLessThanOrEqualTo(whole.added() + whole.removed());
    }
  }

  /**
   * The worst case for Myers' algorithm: two texts with no line in common. Just under the bound it
   * is computed (and printed, to choose the bound from); at the largest allowed texts it falls
   * back, at once.
   */
  @Test
  void theWorstCaseStaysFast() {
    int half = LineDiff.MAX_MYERS_LINES / 2;
    String before = unrelated("before", half);
    String after = unrelated("after", half);
    for (int warm = 0; warm < 3; warm++) {
      LineDiff.of(before, after);
    }
    for (int lines : new int[] {1_000, 2_000, 3_000, 4_000, 6_000, 8_000}) {
      String a = unrelated("before", lines / 2);
      String b = unrelated("after", lines / 2);
      long started = System.nanoTime();
      LineDiff diff = LineDiff.of(a, b, Integer.MAX_VALUE);
      System.out.printf(
          "Myers, two unrelated texts of %d lines in all: %d ms (%d lines of diff)%n",
          lines, (System.nanoTime() - started) / 1_000_000, diff.lines().size());
    }

    long started = System.nanoTime();
    LineDiff atBound = LineDiff.of(before, after);
    long atBoundMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(atBound.minimal()).isTrue();
    assertThat(atBound.removed()).isEqualTo(half);

    String largestBefore = unrelated("before", LineDiff.MAX_LINES);
    String largestAfter = unrelated("after", LineDiff.MAX_LINES);
    started = System.nanoTime();
    LineDiff largest = LineDiff.of(largestBefore, largestAfter);
    long largestMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "at the bound (%d lines): %d ms; largest texts (2 x %d lines): %d ms%n",
        LineDiff.MAX_MYERS_LINES, atBoundMillis, LineDiff.MAX_LINES, largestMillis);
    assertThat(largest.minimal()).isFalse();
    assertThat(largest.lines()).hasSize(2 * LineDiff.MAX_LINES);
    // generous: the point is that no input takes seconds (a shared test machine varies)
    assertThat(atBoundMillis).isLessThan(1_000);
    assertThat(largestMillis).isLessThan(1_000);
  }

  private static String unrelated(String prefix, int lines) {
    return IntStream.range(0, lines)
        .mapToObj(i -> prefix + " line " + i + " with some words")
        .collect(Collectors.joining("\n"));
  }

  private static String randomText(Random random) {
    List<String> lines = new ArrayList<>();
    int count = random.nextInt(12);
    for (int i = 0; i < count; i++) {
      lines.add(List.of("a", "b", "c", "", "d").get(random.nextInt(5)));
    }
    return String.join("\n", lines);
  }

  private static void assertBothSidesComeBack(LineDiff diff, String before, String after) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (Line line : diff.lines()) {
      if (line.kind() != Kind.ADDED) {
        assertThat(line.beforeLine()).isEqualTo(a.size() + 1);
        a.add(line.text());
      } else {
        assertThat(line.beforeLine()).isNull();
      }
      if (line.kind() != Kind.REMOVED) {
        assertThat(line.afterLine()).isEqualTo(b.size() + 1);
        b.add(line.text());
      } else {
        assertThat(line.afterLine()).isNull();
      }
    }
    assertThat(a).isEqualTo(LineDiff.lines(before));
    assertThat(b).isEqualTo(LineDiff.lines(after));
    assertThat(diff.added())
        .isEqualTo((int) diff.lines().stream().filter(l -> l.kind() == Kind.ADDED).count());
    assertThat(diff.removed())
        .isEqualTo((int) diff.lines().stream().filter(l -> l.kind() == Kind.REMOVED).count());
  }

  private static String render(LineDiff diff) {
    return diff.lines().stream()
        .map(
            l ->
                switch (l.kind()) {
                      case UNCHANGED -> " ";
                      case ADDED -> "+";
                      case REMOVED -> "-";
                    }
                    + l.text())
        .collect(Collectors.joining("|"));
  }
}
