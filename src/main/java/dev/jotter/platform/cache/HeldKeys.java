package dev.jotter.platform.cache;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keys whose answers may be about to change: held from the moment a transaction records a change
 * until that transaction has completed. While a key is held, no answer listed under it is served or
 * stored, because readers on other threads could see the commit before the cache hears of it (the
 * change log's consumers run after the commit, one after the other). Holds nest: two transactions
 * changing the same post each hold its key, and it is free when both are done.
 */
final class HeldKeys {

  private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();
  private final AtomicInteger everything = new AtomicInteger();

  void hold(Collection<String> keys) {
    for (String key : keys) {
      held.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  void release(Collection<String> keys) {
    for (String key : keys) {
      held.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
  }

  void holdEverything() {
    everything.incrementAndGet();
  }

  void releaseEverything() {
    everything.updateAndGet(n -> Math.max(0, n - 1));
  }

  /** Whether an answer listed under these keys must be neither served nor stored now. */
  boolean anyHeld(Collection<String> keys) {
    if (everything.get() > 0) {
      return true;
    }
    if (held.isEmpty()) {
      return false;
    }
    for (String key : keys) {
      if (held.containsKey(key)) {
        return true;
      }
    }
    return false;
  }
}
