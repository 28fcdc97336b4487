package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.LineDiff;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One line of a diff. */
@Description("One line of a diff, with its line number in each text it is in.")
public class DiffLine {

  private final LineDiff.Line line;

  DiffLine(LineDiff.Line line) {
    this.line = line;
  }

  @NonNull
  @Description("Whether the line is in both texts, only in after or only in before.")
  public DiffKind getKind() {
    return DiffKind.valueOf(line.kind().name());
  }

  @NonNull
  @Description("The line, without its line break.")
  public String getText() {
    return line.text();
  }

  @Description("Its number in before, from 1; null for an ADDED line.")
  public Integer getBeforeLine() {
    return line.beforeLine();
  }

  @Description("Its number in after, from 1; null for a REMOVED line.")
  public Integer getAfterLine() {
    return line.afterLine();
  }
}
