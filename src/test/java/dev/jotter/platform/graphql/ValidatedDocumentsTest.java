package dev.jotter.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import jakarta.json.Json;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidatedDocumentsTest {

  private final QueryCache smallRye = new QueryCache();
  private final ValidatedDocuments documents = new ValidatedDocuments();
  private final AtomicInteger parses = new AtomicInteger();

  @AfterEach
  void clearContext() {
    SmallRyeContextManager.clearCurrentSmallRyeContext();
  }

  @Test
  void aDocumentSeenBeforeIsParsedByNobodyAgain() throws Exception {
    String query = "query PostPage($slug: String!) { post(slug: $slug) { slug title } }";
    Document first = request(query);
    Document second = request(query);

    assertThat(second).isSameAs(first);
    assertThat(parses).as("parsed once for the engine").hasValue(1);
    assertThat(smallRye.getDocumentAsync(input(query), this::failParse).get().getDocument())
        .as("SmallRye finds it without parsing")
        .isSameAs(first);
  }

  @Test
  void aLongDocumentIsNotHandedToSmallRyesCacheBoundedOnlyByCount() throws Exception {
    String query =
        "{ __typename }" + " ".repeat(ValidatedDocuments.MAX_SHARED_QUERY_CHARACTERS) + "#";
    request(query);
    request(query);

    AtomicInteger smallRyeParses = new AtomicInteger();
    smallRye.getDocumentAsync(input(query), parseCounting(smallRyeParses)).get();
    assertThat(smallRyeParses).hasValue(1);
    assertThat(parses).as("still parsed once for the engine").hasValue(1);
  }

  @Test
  void aDocumentWithErrorsIsKeptByNeither() throws Exception {
    String query = "{ post(";
    SmallRyeContextManager.fromInitialRequest(
        Json.createObjectBuilder().add("query", query).build());
    documents.getDocumentAsync(input(query), this::parse).get();
    documents.getDocumentAsync(input(query), this::parse).get();

    assertThat(parses).hasValue(2);
  }

  /** What SmallRye's ExecutionService does with a request, then the engine's document lookup. */
  private Document request(String query) throws Exception {
    SmallRyeContextManager.fromInitialRequest(
        Json.createObjectBuilder().add("query", query).build());
    ExecutionInput input = input(query);
    SmallRyeContextManager.populateFromExecutionInput(input, smallRye);
    return documents.getDocumentAsync(input, this::parse).get().getDocument();
  }

  private static ExecutionInput input(String query) {
    return ExecutionInput.newExecutionInput()
        .query(query)
        .executionId(graphql.execution.ExecutionId.generate())
        .build();
  }

  private PreparsedDocumentEntry parse(ExecutionInput input) {
    return parseCounting(parses).apply(input);
  }

  private static Function<ExecutionInput, PreparsedDocumentEntry> parseCounting(
      AtomicInteger count) {
    return input -> {
      count.incrementAndGet();
      var result = ParseAndValidate.parse(input);
      return result.isFailure()
          ? new PreparsedDocumentEntry(result.getErrors())
          : new PreparsedDocumentEntry(result.getDocument());
    };
  }

  private PreparsedDocumentEntry failParse(ExecutionInput input) {
    throw new AssertionError("parsed again: " + input.getQuery());
  }
}
