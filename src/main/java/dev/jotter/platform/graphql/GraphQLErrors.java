package dev.jotter.platform.graphql;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.platform.errors.ErrorBody;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives every error Jotter returns an {@code extensions.code} a client can switch on. Errors that
 * carry an application code ({@code @ErrorCode}) keep it; errors from the engine get one from their
 * classification; anything else is {@code INTERNAL_SERVER_ERROR}.
 */
final class GraphQLErrors {

  static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";
  private static final Pattern APPLICATION_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Map<String, String> CODE_BY_CLASSIFICATION =
      Map.of(
          "InvalidSyntax", "GRAPHQL_PARSE_FAILED",
          "ValidationError", "GRAPHQL_VALIDATION_FAILED",
          "ExecutionAborted", "QUERY_TOO_COMPLEX",
          // graphql-java's good-faith introspection rules (one __schema, limited nesting)
          "BadFaithIntrospection", "QUERY_TOO_COMPLEX",
          "OperationNotSupported", "OPERATION_NOT_SUPPORTED");

  private GraphQLErrors() {}

  /** The response with a code on every error, and without "data" when no operation ran. */
  static JsonObject shape(JsonObject response, boolean dataPresent) {
    JsonObjectBuilder shaped = JSON.createObjectBuilder();
    for (Map.Entry<String, JsonValue> entry : response.entrySet()) {
      switch (entry.getKey()) {
        case "data" -> {
          if (dataPresent) {
            shaped.add("data", entry.getValue());
          }
        }
        case "errors" -> shaped.add("errors", withCodes(entry.getValue()));
        default -> shaped.add(entry.getKey(), entry.getValue());
      }
    }
    return shaped.build();
  }

  /** A response holding one error, for requests that never reached the engine. */
  static JsonObject single(String message, String code) {
    return ErrorBody.of(message, code);
  }

  /** The response to a query that is not a GraphQL document. */
  static JsonObject syntax(InvalidSyntaxException e) {
    JsonObjectBuilder error = JSON.createObjectBuilder().add("message", e.getMessage());
    SourceLocation location = e.getLocation();
    if (location != null && location.getLine() > 0) {
      error.add(
          "locations",
          JSON.createArrayBuilder()
              .add(
                  JSON.createObjectBuilder()
                      .add("line", location.getLine())
                      .add("column", location.getColumn())));
    }
    error.add(
        "extensions",
        JSON.createObjectBuilder()
            .add("classification", "InvalidSyntax")
            .add("code", CODE_BY_CLASSIFICATION.get("InvalidSyntax")));
    return JSON.createObjectBuilder().add("errors", JSON.createArrayBuilder().add(error)).build();
  }

  private static JsonValue withCodes(JsonValue errors) {
    if (errors.getValueType() != JsonValue.ValueType.ARRAY) {
      return errors;
    }
    JsonArrayBuilder shaped = JSON.createArrayBuilder();
    for (JsonValue error : errors.asJsonArray()) {
      shaped.add(
          error.getValueType() == JsonValue.ValueType.OBJECT
              ? withCode(error.asJsonObject())
              : error);
    }
    return shaped.build();
  }

  /**
   * Bean Validation failures of arguments: code BAD_USER_INPUT, one message naming each field, and
   * {@code extensions.fields} with the field path and message of each violation. The engine's own
   * detail (the constraint, the invalid value, which may be a megabyte of text) is left out.
   */
  private static JsonObject inputViolations(
      JsonObject error, JsonObject extensions, JsonArray violations) {
    JsonArrayBuilder fields = JSON.createArrayBuilder();
    StringBuilder message = new StringBuilder("Invalid input: ");
    boolean first = true;
    for (JsonValue v : violations) {
      if (!(v instanceof JsonObject violation)) {
        continue;
      }
      StringBuilder path = new StringBuilder();
      if (violation.get("propertyPath") instanceof JsonArray segments) {
        for (int i = 1; i < segments.size(); i++) { // the first segment is the field's name
          JsonValue segment = segments.get(i);
          path.append(path.length() == 0 ? "" : ".")
              .append(segment instanceof JsonString s ? s.getString() : segment.toString());
        }
      }
      String text = violation.getString("message", "is not valid");
      fields.add(JSON.createObjectBuilder().add("field", path.toString()).add("message", text));
      message.append(first ? "" : "; ").append(path).append(": ").append(text);
      first = false;
    }
    JsonObjectBuilder shaped = JSON.createObjectBuilder(error).add("message", message.toString());
    shaped.add(
        "extensions",
        JSON.createObjectBuilder()
            .add("classification", extensions.getString("classification", "ValidationError"))
            .add("code", "BAD_USER_INPUT")
            .add("fields", fields));
    return shaped.build();
  }

  private static JsonObject withCode(JsonObject error) {
    JsonObject extensions =
        error.containsKey("extensions") && error.get("extensions") instanceof JsonObject o
            ? o
            : JsonValue.EMPTY_JSON_OBJECT;
    if (extensions.get("violations") instanceof JsonArray violations) {
      return inputViolations(error, extensions, violations);
    }
    String code = extensions.getString("code", "");
    if (APPLICATION_CODE.matcher(code).matches()) {
      return error;
    }
    String classification = extensions.getString("classification", "");
    JsonObjectBuilder shapedExtensions = JSON.createObjectBuilder(extensions);
    shapedExtensions.add(
        "code", CODE_BY_CLASSIFICATION.getOrDefault(classification, INTERNAL_SERVER_ERROR));
    return JSON.createObjectBuilder(error).add("extensions", shapedExtensions).build();
  }
}
