package dev.jotter.content.graphql;

import dev.jotter.content.api.PostFilter;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's connection over posts; totalCount is resolved only when asked for. */
@Description("A page of posts (a Relay connection).")
public class PostConnection {

  private final List<PostEdge> edges;
  private final PageInfo pageInfo;
  private final PostFilter filter;

  PostConnection(List<PostEdge> edges, PageInfo pageInfo, PostFilter filter) {
    this.edges = List.copyOf(edges);
    this.pageInfo = pageInfo;
    this.filter = filter;
  }

  @NonNull
  public List<@NonNull PostEdge> getEdges() {
    return edges;
  }

  @NonNull
  @Description("The posts of the page, without cursors.")
  public List<@NonNull Post> getNodes() {
    return edges.stream().map(PostEdge::node).toList();
  }

  @NonNull
  public PageInfo getPageInfo() {
    return pageInfo;
  }

  @Ignore
  public PostFilter getFilter() {
    return filter;
  }
}
