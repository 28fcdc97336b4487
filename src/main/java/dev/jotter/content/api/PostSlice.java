package dev.jotter.content.api;

import java.util.List;

/** One page of a list of posts, and whether more follow it. */
public record PostSlice(List<PostView> posts, boolean hasMore) {

  public PostSlice {
    posts = List.copyOf(posts);
  }
}
