package dev.jotter.content.graphql;

import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostView;
import dev.jotter.platform.errors.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque cursors for lists of posts. A cursor holds the list's order, the post's id and its sort
 * value, so the next page starts exactly after it even when posts are published meanwhile.
 */
final class Cursors {

  private static final String VERSION = "p1";

  /** Longer than any cursor Jotter makes (a 255-character title, encoded). */
  private static final int MAX_CURSOR_LENGTH = 1_500;

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private Cursors() {}

  static String of(PostView post, PostOrder order) {
    String sortValue =
        switch (order) {
          case PUBLISHED_AT_DESC, PUBLISHED_AT_ASC -> post.publishedAt().toInstant().toString();
          case UPDATED_AT_DESC -> post.updatedAt().toInstant().toString();
          case TITLE_ASC -> post.title();
        };
    String raw = VERSION + '|' + order.name() + '|' + post.id() + '|' + sortValue;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The position a cursor stands for.
   *
   * @return null for a null cursor (the start of the list)
   * @throws InvalidArgumentException when the cursor was not issued by Jotter for this order
   */
  static PostPosition parse(String cursor, PostOrder order) throws InvalidArgumentException {
    if (cursor == null) {
      return null;
    }
    if (cursor.length() > MAX_CURSOR_LENGTH) {
      throw malformed();
    }
    String[] fields;
    try {
      fields =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 4);
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (fields.length != 4 || !VERSION.equals(fields[0])) {
      throw malformed();
    }
    if (!order.name().equals(fields[1])) {
      throw new InvalidArgumentException(
          "after: this cursor belongs to a list in "
              + fields[1]
              + " order; ask again with the same orderBy or without after.");
    }
    try {
      long id = Long.parseLong(fields[2]);
      if (id <= 0) {
        throw malformed();
      }
      if (order != PostOrder.TITLE_ASC) {
        Instant at = Instant.parse(fields[3]);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
          throw malformed(); // decodes, but no post can stand there (and databases refuse it)
        }
      }
      return new PostPosition(order, fields[3], id);
    } catch (RuntimeException e) {
      throw malformed();
    }
  }

  private static InvalidArgumentException malformed() {
    return new InvalidArgumentException(
        "after: not a cursor Jotter issued; use an endCursor or cursor from an earlier page.");
  }
}
