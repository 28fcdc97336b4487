package dev.jotter.platform.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The engine's parsed and validated documents, by query text: a document seen before is neither
 * parsed nor validated again. Bounded by the total length of the cached queries; documents with
 * errors are not kept.
 *
 * <p>SmallRye parses each request's document once more before running it, to learn its operation
 * types, through its own {@link QueryCache}, which it fills only from the instrumentation that
 * {@link EngineSetup} replaces: left empty, it cost a parse on every request (~8 % of the CPU of
 * the uncached post page). A valid document parsed here is handed to it too, so SmallRye finds it
 * the next time. SmallRye's cache is bounded by its number of documents (2,048), not by their size,
 * so only documents of at most {@link #MAX_SHARED_QUERY_CHARACTERS} are handed over (at most 8 M
 * characters of queries; larger documents are parsed by SmallRye every time, as before).
 */
final class ValidatedDocuments implements PreparsedDocumentProvider {

  private static final long MAX_CACHED_QUERY_CHARACTERS = 16L * 1024 * 1024;

  /** The longest document handed to SmallRye's cache. */
  static final int MAX_SHARED_QUERY_CHARACTERS = 4096;

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
        shareWithSmallRye(input, entry);
      }
    }
    return CompletableFuture.completedFuture(entry);
  }

  /**
   * Stores a valid document in SmallRye's cache of this request's engine, through its public
   * protocol: a miss remembers (per thread) how to compute the entry, and a validation completed
   * without errors stores it.
   */
  static void shareWithSmallRye(ExecutionInput input, PreparsedDocumentEntry entry) {
    SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
    QueryCache smallRye = context == null ? null : context.getQueryCache();
    if (smallRye == null || input.getQuery().length() > MAX_SHARED_QUERY_CHARACTERS) {
      return;
    }
    smallRye.getDocumentAsync(input, ignored -> entry);
    smallRye.beginValidation(null, null).onCompleted(null, null);
  }
}
