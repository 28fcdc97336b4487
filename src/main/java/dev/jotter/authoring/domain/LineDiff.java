package dev.jotter.authoring.domain;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two texts, line by line (a revision against the one before it, or a save
 * against what someone else saved meanwhile): every line of both, in order, unchanged, removed or
 * added, with its line number on each side it is on.
 *
 * <p>The lines both texts start and end with are matched first (linear); what lies between is
 * diffed with Myers' algorithm (java-diff-utils), whose work grows with the lines times the
 * differences: for two unrelated texts of n lines each, about (2n)². Above {@link #MAX_MYERS_LINES}
 * lines in between, the diff is still correct but not minimal: every line of the middle of {@code
 * before} removed, then every line of the middle of {@code after} added. So the cost is bounded
 * whatever the input, and it is never an error.
 *
 * @param minimal false when the middle was too long for Myers and was replaced whole
 */
public record LineDiff(List<Line> lines, int added, int removed, boolean minimal) {

  /**
   * The most lines a side may have: each is a line of the answer, which must stay within the query
   * cost limit; well above any blog post seen (a long one has a few hundred).
   */
  public static final int MAX_LINES = 5_000;

  /**
   * The most lines, of both sides together, between the common start and end that Myers' algorithm
   * compares. Measured on two unrelated texts (the worst case: every line differs) on a 2-core
   * machine, warm, with java-diff-utils' linear-space Myers: 1,000 lines in all 8 ms, 2,000 40 ms,
   * 4,000 55-70 ms, 6,000 150 ms, 8,000 250 ms (LineDiffTest prints it). The fallback for the
   * largest texts (two sides of {@link #MAX_LINES}) takes under 10 ms.
   */
  public static final int MAX_MYERS_LINES = 4_000;

  /** How a line of the diff stands. */
  public enum Kind {
    UNCHANGED,
    ADDED,
    REMOVED
  }

  /**
   * A line of the diff.
   *
   * @param beforeLine its 1-based number in {@code before}; null for an added line
   * @param afterLine its 1-based number in {@code after}; null for a removed line
   */
  public record Line(Kind kind, String text, Integer beforeLine, Integer afterLine) {}

  public LineDiff {
    lines = List.copyOf(lines);
  }

  /** The diff of two texts (see the class comment for the bound on its cost). */
  public static LineDiff of(String before, String after) {
    return of(before, after, MAX_MYERS_LINES);
  }

  static LineDiff of(String before, String after, int maxMyersLines) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    Builder diff = new Builder(a, b);
    diff.unchanged(prefix);
    int middleA = a.size() - prefix - suffix;
    int middleB = b.size() - prefix - suffix;
    boolean minimal = middleA + middleB <= maxMyersLines;
    if (minimal) {
      diff.myers(prefix, middleA, middleB);
    } else {
      diff.removed(middleA);
      diff.added(middleB);
    }
    diff.unchanged(suffix);
    return new LineDiff(diff.lines, diff.added, diff.removed, minimal);
  }

  /**
   * The lines of a text: split at line feeds, a carriage return before one dropped; a final line
   * feed ends the last line rather than starting an empty one, and an empty text has no lines.
   */
  public static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() : end + 1;
      int stop = end < 0 ? text.length() : end;
      if (stop > start && text.charAt(stop - 1) == '\r') {
        stop--;
      }
      lines.add(text.substring(start, stop));
      start = next;
    }
    return lines;
  }

  /** Writes the lines of the diff in order, keeping both sides' positions. */
  private static final class Builder {
    final List<String> a;
    final List<String> b;
    final List<Line> lines = new ArrayList<>();
    int nextA; // the index in a of the next line not yet written
    int nextB;
    int added;
    int removed;

    Builder(List<String> a, List<String> b) {
      this.a = a;
      this.b = b;
    }

    void unchanged(int count) {
      for (int i = 0; i < count; i++) {
        lines.add(new Line(Kind.UNCHANGED, b.get(nextB), nextA + 1, nextB + 1));
        nextA++;
        nextB++;
      }
    }

    void removed(int count) {
      for (int i = 0; i < count; i++) {
        lines.add(new Line(Kind.REMOVED, a.get(nextA), nextA + 1, null));
        nextA++;
        removed++;
      }
    }

    void added(int count) {
      for (int i = 0; i < count; i++) {
        lines.add(new Line(Kind.ADDED, b.get(nextB), null, nextB + 1));
        nextB++;
        added++;
      }
    }

    /**
     * Myers' diff of the middles: the lines are compared as numbers (one per distinct line), so a
     * comparison costs the same however long the lines are.
     */
    void myers(int from, int lengthA, int lengthB) {
      Map<String, Integer> ids = new HashMap<>();
      List<Integer> idsA = new ArrayList<>(lengthA);
      List<Integer> idsB = new ArrayList<>(lengthB);
      for (String line : a.subList(from, from + lengthA)) {
        idsA.add(ids.computeIfAbsent(line, l -> ids.size()));
      }
      for (String line : b.subList(from, from + lengthB)) {
        idsB.add(ids.computeIfAbsent(line, l -> ids.size()));
      }
      List<AbstractDelta<Integer>> deltas =
          DiffUtils.diff(idsA, idsB, new MyersDiffWithLinearSpace<Integer>(), null, false)
              .getDeltas();
      // adjacent deltas (an insertion next to a deletion) make one change: its removed lines first
      int pendingRemoved = 0;
      int pendingAdded = 0;
      for (AbstractDelta<Integer> delta : deltas) {
        int gap = from + delta.getSource().getPosition() - (nextA + pendingRemoved);
        if (gap > 0) {
          removed(pendingRemoved);
          added(pendingAdded);
          pendingRemoved = 0;
          pendingAdded = 0;
          unchanged(gap);
        }
        pendingRemoved += delta.getSource().size();
        pendingAdded += delta.getTarget().size();
      }
      removed(pendingRemoved);
      added(pendingAdded);
      unchanged(from + lengthA - nextA);
    }
  }
}
