package dev.jotter.authoring.graphql;

import dev.jotter.authoring.internal.PostRevision;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** One saved state of a post. */
@Name("Revision")
@Description("One saved state of a post's content (the last 50 are kept).")
public class RevisionView {

  private final PostRevision revision;

  RevisionView(PostRevision revision) {
    this.revision = revision;
  }

  @Id
  @NonNull
  public String getId() {
    return Long.toString(revision.id());
  }

  @Description("The post's version this save produced.")
  public long getVersion() {
    return revision.postVersion();
  }

  @NonNull
  public String getTitle() {
    return revision.title();
  }

  @NonNull
  public String getMarkdown() {
    return revision.markdown();
  }

  @NonNull
  @Description("Who saved it (their author name then).")
  public String getSavedBy() {
    return revision.savedBy();
  }

  @NonNull
  public OffsetDateTime getCreatedAt() {
    return revision.at();
  }
}
