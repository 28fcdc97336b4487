package dev.jotter.authoring.graphql;

import dev.jotter.authoring.internal.Administration;
import dev.jotter.platform.graphql.ListSize;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** One change of the change log with the cache keys it made stale. */
@Name("CachePurge")
@Description(
    "A change and the cache keys it made stale: purge these cache tags (Cache-Tag /"
        + " Surrogate-Key) at the CDN in front of Jotter.")
public class CachePurge {

  private final Administration.CachePurge purge;

  CachePurge(Administration.CachePurge purge) {
    this.purge = purge;
  }

  @Id
  @Description("The change's id in the change log: pass the last one as `after` to read on.")
  public @NonNull String getChangeId() {
    return Long.toString(purge.changeId());
  }

  @Description("What changed, such as post-published or tag-changed.")
  public @NonNull String getKind() {
    return purge.kind();
  }

  @Description("When the change was committed.")
  public @NonNull OffsetDateTime getAt() {
    return purge.at();
  }

  @Description("The cache tags to purge (empty for a change readers cannot see).")
  @ListSize(assumedSize = 100)
  public @NonNull List<@NonNull String> getKeys() {
    return List.copyOf(purge.keys());
  }
}
