package dev.jotter.platform.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The engine's parsed and validated documents, by query text: a document seen before is neither
 * parsed nor validated again. Bounded by the total length of the cached queries; documents with
 * errors are not kept.
 */
final class ValidatedDocuments implements PreparsedDocumentProvider {

  private static final long MAX_CACHED_QUERY_CHARACTERS = 16L * 1024 * 1024;

  private final Cache<String, PreparsedDocumentEntry> cache =
      Caffeine.newBuilder()
          .maximumWeight(MAX_CACHED_QUERY_CHARACTERS)
          .<String, PreparsedDocumentEntry>weigher((query, entry) -> query.length())
          .build();

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    PreparsedDocumentEntry entry = cache.getIfPresent(input.getQuery());
    if (entry == null) {
      entry = parseAndValidate.apply(input);
      if (!entry.hasErrors()) {
        cache.put(input.getQuery(), entry);
      }
    }
    return CompletableFuture.completedFuture(entry);
  }
}
