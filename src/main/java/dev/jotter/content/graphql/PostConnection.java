package dev.jotter.content.graphql;

import dev.jotter.content.api.PostCatalog;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSlice;
import dev.jotter.platform.errors.InvalidArgumentException;
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

  /**
   * A page of posts in {@code order}, read from {@code position} (null: the start), with cursors;
   * {@code totalCount} runs only when a client asks for it. For other modules' lists of posts too
   * (authoring's drafts).
   */
  public static PostConnection page(
      PostSlice slice, PostPosition position, PostOrder order, LongSupplier totalCount) {
    List<PostEdge> edges =
        slice.posts().stream()
            .map(post -> new PostEdge(Cursors.of(post, order), new Post(post)))
            .toList();
    PageInfo pageInfo =
        new PageInfo(
            slice.hasMore(),
            position != null,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
    return new PostConnection(edges, pageInfo, totalCount);
  }

  /**
   * The position a client's {@code after} cursor stands for in a list of this order.
   *
   * @throws InvalidArgumentException when it is not a cursor Jotter issued for this order
   */
  public static PostPosition after(String cursor, PostOrder order) throws InvalidArgumentException {
    return Cursors.parse(cursor, order);
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
