package dev.jotter.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import dev.jotter.platform.persistence.AfterCompletion;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values read from the database and kept on this server until the content changes (what a module
 * keeps of its own state in memory beside the response cache): any change forgets them all. On this
 * server that is from the moment a transaction records the change until it has completed: nothing
 * is served or kept meanwhile, since readers on other threads may see the commit before this hears
 * of it. On the other servers it is when they read the change from the change log. A value read
 * across a change is not kept: every forgetting moves a generation, and a value is kept only if the
 * generation its read started in is still current once it is stored.
 */
public final class KeptUntilChange<K, V> {

  private final Cache<K, V> values;

  /** Moves at every change. */
  private final AtomicLong generation = new AtomicLong();

  /** Transactions of this server that recorded a change and have not completed. */
  private final AtomicInteger changing = new AtomicInteger();

  public KeptUntilChange(Cache<K, V> values) {
    this.values = values;
  }

  /** The value kept under {@code key}; null when there is none or a change is under way. */
  public V find(K key) {
    return changing.get() == 0 ? values.getIfPresent(key) : null;
  }

  /**
   * The values of these keys: those kept, and the others read at once by {@code read} and kept. A
   * key {@code read} leaves out gets {@code absent}, kept too; with {@code absent} null it is left
   * out of the answer and read again next time.
   */
  public Map<K, V> findAll(Collection<K> keys, Function<List<K>, Map<K, V>> read, V absent) {
    Map<K, V> found = new HashMap<>();
    List<K> missing = new ArrayList<>();
    for (K key : keys) {
      V value = find(key);
      if (value != null) {
        found.put(key, value);
      } else {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      long at = generation();
      Map<K, V> fromDatabase = read.apply(missing);
      for (K key : missing) {
        V value = fromDatabase.getOrDefault(key, absent);
        if (value != null) {
          found.put(key, value);
          keep(key, value, at);
        }
      }
    }
    return found;
  }

  /** The generation now: pass it to {@link #keep} for a value read from now on. */
  public long generation() {
    return generation.get();
  }

  /**
   * Whether a caller may read through these values now: no change is under way on this server, and
   * the caller is in no transaction (what runs in one, writes and consumers of the change log,
   * reads the database itself, so it never works from a value this server has not yet heard is
   * stale).
   */
  public boolean usableBy(TransactionSynchronizationRegistry transactions) {
    return changing.get() == 0
        && transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION;
  }

  /**
   * Keeps a value read since {@code at} (a {@link #generation}), unless a change came meanwhile.
   */
  public void keep(K key, V value, long at) {
    if (changing.get() != 0 || generation.get() != at) {
      return;
    }
    values.put(key, value);
    if (changing.get() != 0 || generation.get() != at) {
      values.invalidate(key); // a change came meanwhile: its forgetting may have run before the put
    }
  }

  /** Forgets every value. */
  public void forget() {
    generation.incrementAndGet();
    values.invalidateAll();
  }

  /**
   * A change recorded on this server: forgotten now, nothing served or kept until its transaction
   * has ended, and forgotten again then (at once when there is no transaction).
   */
  public void changeRecorded(TransactionSynchronizationRegistry transactions) {
    forget();
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return;
    }
    changing.incrementAndGet();
    AfterCompletion.run(
        transactions,
        () -> {
          forget();
          changing.decrementAndGet();
        });
  }
}
