package dev.jotter.content.domain;

/**
 * Serialises the choice of new slugs: whoever holds it until their transaction ends is the only one
 * checking and taking slugs, so "is it free?" and "take it" cannot interleave with another save's.
 */
public interface SlugLock {

  /** Waits for the lock and holds it until the current transaction ends. */
  void hold();
}
