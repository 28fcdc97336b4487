package dev.jotter.authoring.api;

/**
 * A post changed while published. Fired after the transaction that did it committed; observe with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 */
public record PostUpdated(long postId) {}
