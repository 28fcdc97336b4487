package dev.jotter.platform.cache;

import java.util.Set;

/**
 * A CDI event a module fires on this server when state of its own that answers show changed outside
 * the change log (discovery's search index and related lists, rebuilt by each server): the answers
 * listed under these keys are dropped. {@code all} drops every answer.
 */
public record Invalidation(Set<String> keys, boolean all) {

  public static Invalidation of(Set<String> keys) {
    return new Invalidation(Set.copyOf(keys), false);
  }

  public static Invalidation everything() {
    return new Invalidation(Set.of(), true);
  }
}
