package dev.jotter.platform.cache;

import dev.jotter.platform.changes.Change;
import java.util.Set;

/**
 * What a module says about caching its part of the schema (a CDI bean of the module). An answer is
 * listed under the key of every object it shows ({@link #keyOf}), under {@code Query.<field>} for a
 * root field that answers a list, a page or nothing, and under {@code Type.field@<object key>} for
 * the {@link #fieldsWithOwnKeys fields} whose values change apart from their object; a change in
 * the log makes some keys {@link #stale}.
 */
public interface CacheKeys {

  /**
   * The key of an object that makes its whole answer private: never cached here, and sent with
   * {@code Cache-Control: private, no-store} (a draft shown through a preview link).
   */
  String NEVER_SHARED = "never-shared";

  /**
   * The key of one of this module's output objects ({@code post:12}), {@link #NEVER_SHARED}, or
   * null if it is none.
   */
  String keyOf(Object value);

  /**
   * Fields ({@code Type.field}) of this module that change apart from the object they are on, such
   * as a post's related list: they get a key of their own, per object.
   */
  default Set<String> fieldsWithOwnKeys() {
    return Set.of();
  }

  /**
   * The keys a change makes stale: what this server drops and what a CDN in front should purge.
   * Read after the change is committed; may read the database.
   */
  Set<String> stale(Change change);
}
