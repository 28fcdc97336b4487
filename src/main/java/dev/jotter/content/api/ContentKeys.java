package dev.jotter.content.api;

/**
 * The cache keys of the content's objects, as answers and CDN cache tags list them: {@code
 * post:12}, {@code tag:3}, {@code author:1}.
 */
public final class ContentKeys {

  private ContentKeys() {}

  public static String post(long id) {
    return "post:" + id;
  }

  public static String tag(long id) {
    return "tag:" + id;
  }

  public static String author(long id) {
    return "author:" + id;
  }

  /** The key of the blog's settings: there is one. */
  public static String blog() {
    return "blog";
  }
}
