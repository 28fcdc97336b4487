package dev.jotter.platform.persistence;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs something once the caller's transaction has ended, committed or rolled back. */
public final class AfterCompletion {

  private AfterCompletion() {}

  /** Runs {@code action} after the current transaction completes (there must be one). */
  public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.run();
          }
        });
  }
}
