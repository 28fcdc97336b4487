package dev.jotter.platform.graphql;

import static dev.jotter.platform.web.Jsons.JSON;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * One GraphQL-over-HTTP request, checked the way the GraphQL over HTTP specification asks: a {@code
 * query} string, an optional {@code operationName} string, optional {@code variables} and {@code
 * extensions} maps. Anything else is a {@link BadRequest}. The query may be missing when the
 * extensions name a persisted query by its hash (Apollo's automatic persisted queries).
 */
record GraphQLHttpRequest(
    String query, String operationName, JsonObject variables, JsonObject extensions) {

  /** Why a request cannot be executed, with the HTTP status and error code to answer with. */
  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    BadRequest(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }

    BadRequest(String message) {
      this(400, "BAD_REQUEST", message);
    }
  }

  static GraphQLHttpRequest fromJson(JsonValue body) throws BadRequest {
    if (body.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadRequest("The request body must be a JSON object with a \"query\" string.");
    }
    JsonObject json = body.asJsonObject();
    return new GraphQLHttpRequest(
        optionalString(json.get("query"), "query"),
        optionalString(json.get("operationName"), "operationName"),
        optionalObject(json.get("variables"), "variables"),
        optionalObject(json.get("extensions"), "extensions"));
  }

  /** The same request with its document (found by its persisted hash). */
  GraphQLHttpRequest withQuery(String document) {
    return new GraphQLHttpRequest(document, operationName, variables, extensions);
  }

  /** The request's {@code extensions.persistedQuery}, or null. */
  JsonValue persistedQuery() {
    return extensions == null ? null : extensions.get("persistedQuery");
  }

  static String optionalString(JsonValue value, String name) throws BadRequest {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new BadRequest("\"" + name + "\" must be a string.");
    }
    return ((jakarta.json.JsonString) value).getString();
  }

  static JsonObject optionalObject(JsonValue value, String name) throws BadRequest {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new BadRequest("\"" + name + "\" must be a JSON object (a map).");
    }
    return value.asJsonObject();
  }

  /**
   * The parsed query, within the parser's limits (tokens, characters, nesting); throws {@code
   * InvalidSyntaxException} when it is not GraphQL, {@code ParseCancelledException} when it is too
   * big.
   */
  Document document(ParserOptions options) {
    return new Parser()
        .parseDocument(
            ParserEnvironment.newParserEnvironment()
                .document(query)
                .parserOptions(options)
                .build());
  }

  /**
   * The operation of {@code document} this request runs.
   *
   * @throws BadRequest when the operation to run cannot be chosen
   */
  Optional<OperationDefinition> selectedOperation(Document document) throws BadRequest {
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    if (operationName != null && !operationName.isEmpty()) {
      return Optional.of(
          operations.stream()
              .filter(op -> operationName.equals(op.getName()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new BadRequest(
                          "The document has no operation named \"" + operationName + "\".")));
    }
    if (operations.size() > 1) {
      throw new BadRequest(
          "The document has "
              + operations.size()
              + " operations: say which one to run with \"operationName\".");
    }
    return operations.stream().findFirst();
  }

  /** The request as SmallRye's ExecutionService reads it. */
  JsonObject toJson() {
    JsonObjectBuilder json = JSON.createObjectBuilder().add("query", query);
    if (operationName != null && !operationName.isEmpty()) {
      json.add("operationName", operationName);
    }
    if (variables != null) {
      json.add("variables", variables);
    }
    return json.build();
  }
}
