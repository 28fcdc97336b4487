package dev.jotter.platform.graphql;

import static dev.jotter.platform.web.Jsons.JSON;

import graphql.ExecutionResult;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.spi.config.Config;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON of an answer. One without errors is written straight from the engine's result, as a
 * stream of UTF-8 bytes: SmallRye's way built a {@code JsonObject} of the whole answer first, which
 * was then copied to add the cost and turned into a string and then into bytes, ~13 % of the CPU of
 * an uncached page of twenty posts. The bytes are the same either way ({@code DataAnswersTest}):
 * Parsson writes a {@code JsonObject} with the same generator, and numbers as SmallRye made them.
 * An answer with errors, or holding a value SmallRye would hand to JSON-B, takes SmallRye's way,
 * with its errors shaped by {@link GraphQLErrors}.
 */
final class DataAnswers {

  private DataAnswers() {}

  /**
   * The answer without errors, or null when it has errors or extensions of the engine's, or holds a
   * value other than the JSON ones a GraphQL answer is made of.
   */
  static byte[] plain(ExecutionResult result, QueryCost.Result cost) {
    if (!result.getErrors().isEmpty()
        || !result.isDataPresent()
        || result.getExtensions() != null
        || result.getData() == null
        || Config.get().isExcludeNullFieldsInResponses()) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject().writeKey("data");
      value(json, result.getData());
      if (cost != null) {
        json.writeStartObject("extensions")
            .writeStartObject("cost")
            .write("requested", cost.cost())
            .write("limit", cost.limit())
            .writeEnd()
            .writeEnd();
      }
      json.writeEnd();
    } catch (Unwritable e) {
      return null;
    }
    return out.toByteArray();
  }

  /**
   * SmallRye's JSON of the answer, errors shaped with their codes, with the cost in its extensions.
   */
  static JsonObject shaped(ExecutionResponse response, QueryCost.Result cost) {
    boolean dataPresent = response.getExecutionResult().isDataPresent();
    return withCost(
        GraphQLErrors.shape(response.getExecutionResultAsJsonObject(), dataPresent), cost);
  }

  /**
   * The answer with the cost of its document in {@code extensions.cost { requested limit }}, the
   * shape Shopify uses.
   */
  static JsonObject withCost(JsonObject body, QueryCost.Result cost) {
    if (cost == null) {
      return body;
    }
    JsonObjectBuilder extensions =
        body.containsKey("extensions")
            ? JSON.createObjectBuilder(body.getJsonObject("extensions"))
            : JSON.createObjectBuilder();
    extensions.add(
        "cost",
        JSON.createObjectBuilder().add("requested", cost.cost()).add("limit", cost.limit()));
    return JSON.createObjectBuilder(body).add("extensions", extensions).build();
  }

  /** One value of the answer, as SmallRye's {@code ExecutionResponse} turns it into JSON. */
  private static void value(JsonGenerator json, Object value) {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.write(text);
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeKey((String) entry.getKey());
        value(json, entry.getValue());
      }
      json.writeEnd();
    } else if (value instanceof Collection<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        value(json, element);
      }
      json.writeEnd();
    } else if (value instanceof Boolean bool) {
      json.write(bool);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      json.write(((Number) value).intValue());
    } else if (value instanceof Long number) {
      json.write(number.longValue());
    } else if (value instanceof Double number) {
      json.write(BigDecimal.valueOf(number)); // as SmallRye's JSON number of a double
    } else if (value instanceof Float number) {
      json.write(new BigDecimal(String.valueOf(number.floatValue())));
    } else if (value instanceof BigDecimal number) {
      json.write(number);
    } else if (value instanceof BigInteger number) {
      json.write(number);
    } else if (value instanceof Enum<?> constant) {
      json.write(constant.name());
    } else {
      throw Unwritable.INSTANCE; // SmallRye writes anything else with JSON-B
    }
  }

  /** A value this writer leaves to SmallRye. */
  private static final class Unwritable extends RuntimeException {
    static final Unwritable INSTANCE = new Unwritable();

    private Unwritable() {
      super(null, null, false, false);
    }
  }
}
