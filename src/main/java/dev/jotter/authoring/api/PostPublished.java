package dev.jotter.authoring.api;

/**
 * A post went live (published now, or its scheduled time came). Fired after the transaction that
 * did it committed; observe with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 */
public record PostPublished(long postId) {}
