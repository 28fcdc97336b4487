package dev.jotter.content.api;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which posts a staff list shows: posts in one of {@code statuses}, of one author unless {@code
 * authorId} is null, whose title or slug contains every one of {@code words} (lower case, matched
 * in any case; none: every post).
 */
public record StaffPostFilter(Set<PostStatus> statuses, Long authorId, List<String> words) {

  public StaffPostFilter {
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("a staff list shows posts of at least one status");
    }
    statuses = Set.copyOf(statuses);
    words = List.copyOf(words);
  }

  /**
   * The filter for a search text as staff type it: its words (split at spaces, lower-cased, each
   * once) are plain text, never syntax; null or blank matches every post.
   */
  public static StaffPostFilter of(Set<PostStatus> statuses, Long authorId, String query) {
    List<String> words =
        query == null || query.isBlank()
            ? List.of()
            : List.copyOf(
                new LinkedHashSet<>(
                    Arrays.asList(query.strip().toLowerCase(Locale.ROOT).split("\\s+"))));
    return new StaffPostFilter(statuses, authorId, words);
  }
}
