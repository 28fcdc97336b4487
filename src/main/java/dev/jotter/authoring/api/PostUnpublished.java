package dev.jotter.authoring.api;

/**
 * A post was taken back from readers. Fired after the transaction that did it committed; observe
 * with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 */
public record PostUnpublished(long postId) {}
