package dev.jotter.discovery.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where each post's precomputed related list, and the editors' pins and exclusions, live. */
public interface RelatedStore {

  /** Editors' choices for one post: pinned posts in order, and excluded posts. */
  record Overrides(List<Long> pinned, Set<Long> excluded) {
    public static final Overrides NONE = new Overrides(List.of(), Set.of());
  }

  /** The stored lists of these posts, in one query; posts without a list are left out. */
  Map<Long, List<Related>> find(Collection<Long> postIds);

  /** Replaces the lists of the given posts (an empty list removes a post's list). */
  void replace(Map<Long, List<Related>> lists);

  /**
   * Runs {@code work} in one transaction that first takes the lock every writer of lists takes, so
   * no other server's or thread's change of lists is in progress while it reads and writes.
   */
  <T> T underLock(java.util.function.Supplier<T> work);

  /** Replaces every list and records the fingerprint of the content they come from. */
  void replaceAll(Map<Long, List<Related>> lists, String fingerprint);

  /** Posts whose stored list contains {@code relatedId}. */
  Set<Long> listing(long relatedId);

  Map<Long, Overrides> overrides();

  /** The overrides of these posts, in one query; posts without any are left out. */
  Map<Long, Overrides> overrides(Collection<Long> postIds);

  /** The most pins and exclusions one post may have, together. */
  int MAX_OVERRIDES_PER_POST = 100;

  /**
   * Records an editor's choice for one post: pin {@code otherId} (after the pins it has) or exclude
   * it; null removes whatever choice there was.
   */
  void override(long postId, long otherId, OverrideKind kind);

  /** An editor's choice about one related post. */
  enum OverrideKind {
    PIN,
    EXCLUDE
  }

  Optional<String> fingerprint();

  /** Records that the stored lists are those of the content with this fingerprint. */
  void fingerprint(String fingerprint);
}
