package dev.jotter.authoring.domain;

/**
 * Each post's preview-link generation: a link carries the generation it was made at, and revoking a
 * post's links moves it on.
 */
public interface PreviewGenerations {

  /** The post's current generation (0 until its links are first revoked). */
  int current(long postId);

  /** Moves the post's generation on: every link made before stops working. */
  void advance(long postId);
}
