package dev.jotter.authoring.api;

/**
 * A post was moved to the trash. Fired after the transaction that did it committed; observe with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 */
public record PostDeleted(long postId) {}
