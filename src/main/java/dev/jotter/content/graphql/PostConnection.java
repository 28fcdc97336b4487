package dev.jotter.content.graphql;

import dev.jotter.content.api.PostCatalog;
import dev.jotter.platform.graphql.ListSize;
import java.util.List;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's connection over posts; totalCount is resolved only when asked for. */
@Description("A page of posts (a Relay connection).")
public class PostConnection {

  private final List<PostEdge> edges;
  private final PageInfo pageInfo;
  private final LongSupplier totalCount;

  PostConnection(List<PostEdge> edges, PageInfo pageInfo, LongSupplier totalCount) {
    this.edges = List.copyOf(edges);
    this.pageInfo = pageInfo;
    this.totalCount = totalCount;
  }

  @NonNull
  @ListSize(assumedSize = PostCatalog.MAX_PAGE_SIZE)
  public List<@NonNull PostEdge> getEdges() {
    return edges;
  }

  @NonNull
  @Description("The posts of the page, without cursors.")
  @ListSize(assumedSize = PostCatalog.MAX_PAGE_SIZE)
  public List<@NonNull Post> getNodes() {
    return edges.stream().map(PostEdge::node).toList();
  }

  @NonNull
  public PageInfo getPageInfo() {
    return pageInfo;
  }

  /** Counts the whole list (one more query). */
  long countAll() {
    return totalCount.getAsLong();
  }
}
