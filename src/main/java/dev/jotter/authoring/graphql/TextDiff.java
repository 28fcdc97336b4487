package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.LineDiff;
import dev.jotter.platform.graphql.ListSize;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** What changed between two texts, line by line. */
@Description(
    "What changed between two texts, line by line: every line of both, in order (removed lines"
        + " before the added ones that replace them).")
public class TextDiff {

  private final LineDiff diff;

  TextDiff(LineDiff diff) {
    this.diff = diff;
  }

  @NonNull
  @Description("Every line of both texts, in order.")
  @ListSize(assumedSize = 2 * LineDiff.MAX_LINES)
  public List<@NonNull DiffLine> getLines() {
    return diff.lines().stream().map(DiffLine::new).toList();
  }

  @Description("How many lines are ADDED.")
  public int getAdded() {
    return diff.added();
  }

  @Description("How many lines are REMOVED.")
  public int getRemoved() {
    return diff.removed();
  }
}
