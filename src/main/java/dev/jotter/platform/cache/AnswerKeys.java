package dev.jotter.platform.cache;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of one answer, gathered while it is computed: the engine reports each field it completes
 * (see the transport's instrumentation). Thread-safe, since fields may complete on several threads.
 */
public final class AnswerKeys {

  /** The GraphQL context key the transport passes the collector under. */
  public static final String CONTEXT_KEY = AnswerKeys.class.getName();

  private final List<CacheKeys> modules;
  private final Set<String> fieldsWithOwnKeys;
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private volatile boolean neverShared;

  AnswerKeys(List<CacheKeys> modules, Set<String> fieldsWithOwnKeys) {
    this.modules = modules;
    this.fieldsWithOwnKeys = fieldsWithOwnKeys;
  }

  /**
   * A field was completed: {@code type.field} on {@code source} (null at the root) with {@code
   * value} (null, a scalar, an object or a list).
   */
  public void completed(boolean root, String type, String field, Object source, Object value) {
    // only a root field answers a private object (post(previewToken:)), and what is under it is
    // not kept anyway
    String valueKey = root && value != null ? keyOf(value) : null;
    if (CacheKeys.NEVER_SHARED.equals(valueKey)) {
      neverShared = true;
      return;
    }
    String sourceKey = source == null ? null : keyOf(source);
    if (CacheKeys.NEVER_SHARED.equals(sourceKey)) {
      return;
    }
    if (sourceKey != null) {
      keys.add(sourceKey);
    }
    if (root) {
      if (valueKey == null) {
        keys.add(type + "." + field); // a list, a page or nothing: it changes with the set
      }
    } else if (sourceKey != null && fieldsWithOwnKeys.contains(type + "." + field)) {
      keys.add(type + "." + field + "@" + sourceKey);
    }
  }

  private String keyOf(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return null;
    }
    if (value instanceof Collection<?>) {
      return null;
    }
    for (CacheKeys module : modules) {
      String key = module.keyOf(value);
      if (key != null) {
        return key;
      }
    }
    return null;
  }

  /** Whether the answer shows something private ({@link CacheKeys#NEVER_SHARED}). */
  public boolean neverShared() {
    return neverShared;
  }

  /** The keys so far, sorted. */
  public Set<String> keys() {
    return new TreeSet<>(keys);
  }
}
