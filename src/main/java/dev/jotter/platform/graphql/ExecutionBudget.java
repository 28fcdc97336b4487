package dev.jotter.platform.graphql;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one operation may still spend while it runs: time until its deadline, and bytes of answer
 * (counted from the values fields return, an estimate the transport checks again on the written
 * answer). Once either is spent, every field that has not started fails at once, so the work stops
 * instead of running on for an answer that is thrown away.
 */
final class ExecutionBudget {

  /** The GraphQL context key the transport passes the budget under. */
  static final String KEY = ExecutionBudget.class.getName();

  /** Why the budget ran out. */
  enum Exhausted {
    TIMEOUT,
    RESPONSE_TOO_LARGE
  }

  private final long deadline;
  private final long maxBytes;
  private final AtomicLong bytes = new AtomicLong();
  private volatile Exhausted exhausted;

  private ExecutionBudget(long deadline, long maxBytes) {
    this.deadline = deadline;
    this.maxBytes = maxBytes;
  }

  /** A budget of {@code millis} from now and {@code maxBytes} of answer. */
  static ExecutionBudget of(long millis, long maxBytes) {
    return new ExecutionBudget(System.nanoTime() + millis * 1_000_000, maxBytes);
  }

  /** No limit (mutations: stopping one halfway would hide whether it was saved). */
  static ExecutionBudget unlimited() {
    return new ExecutionBudget(Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /** Throws when the budget is spent: called before every field is fetched. */
  void check() {
    if (exhausted == null && deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
      exhausted = Exhausted.TIMEOUT;
    }
    if (exhausted != null) {
      throw new BudgetExhausted(exhausted);
    }
  }

  /** Counts bytes of answer; marks the budget spent when they pass the limit. */
  void spend(long count) {
    if (bytes.addAndGet(count) > maxBytes && exhausted == null) {
      exhausted = Exhausted.RESPONSE_TOO_LARGE;
    }
  }

  Exhausted exhausted() {
    return exhausted;
  }

  /** Thrown into the engine when the budget is spent; the transport answers for the operation. */
  static final class BudgetExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExhausted(Exhausted why) {
      super(why.name(), null, false, false);
    }
  }
}
