package dev.jotter.platform.errors;

import static dev.jotter.platform.web.Jsons.JSON;

import jakarta.json.JsonObject;

/**
 * The JSON of an error answered outside GraphQL's execution (the transport's refusals, the image
 * endpoint), shaped like GraphQL's: {@code {"errors":[{"message", "extensions":{"code"}}]}}, so a
 * client reads every error of Jotter's the same way.
 */
public final class ErrorBody {

  private ErrorBody() {}

  /** A body holding one error. */
  public static JsonObject of(String message, String code) {
    return JSON.createObjectBuilder()
        .add(
            "errors",
            JSON.createArrayBuilder()
                .add(
                    JSON.createObjectBuilder()
                        .add("message", message)
                        .add("extensions", JSON.createObjectBuilder().add("code", code))))
        .build();
  }
}
