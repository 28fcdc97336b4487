package dev.jotter.discovery.domain;

import java.util.List;
import java.util.Set;

/** One entry of a post's related list: the other post, how related (0–1) and why. */
public record Related(long relatedId, double score, Set<Reason> reasons, List<Long> sharedTagIds) {

  public Related {
    reasons = Set.copyOf(reasons);
    sharedTagIds = List.copyOf(sharedTagIds);
  }
}
