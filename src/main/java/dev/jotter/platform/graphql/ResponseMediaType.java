package dev.jotter.platform.graphql;

import java.util.Locale;

/** The two media types a GraphQL response can be sent as, chosen from the Accept header. */
enum ResponseMediaType {
  /** The GraphQL over HTTP specification's type: request errors are answered 4xx. */
  GRAPHQL_RESPONSE_JSON("application/graphql-response+json;charset=utf-8"),
  /** The legacy type every client understands: always 200 once the engine ran. */
  JSON("application/json;charset=utf-8");

  private final String contentType;

  ResponseMediaType(String contentType) {
    this.contentType = contentType;
  }

  String contentType() {
    return contentType;
  }

  /**
   * {@code application/graphql-response+json} when the client accepts it at least as much as {@code
   * application/json}; otherwise {@code application/json} (also for a missing header, {@code
   * *}{@code /*}, or types neither of these).
   */
  static ResponseMediaType negotiate(String accept) {
    if (accept == null) {
      return JSON;
    }
    double graphql = 0;
    double json = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      if (parts.length == 0) {
        continue;
      }
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      double q = quality(parts);
      if (type.equals("application/graphql-response+json")) {
        graphql = Math.max(graphql, q);
      } else if (type.equals("application/json")) {
        json = Math.max(json, q);
      }
    }
    return graphql > 0 && graphql >= json ? GRAPHQL_RESPONSE_JSON : JSON;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
      if (parameter.startsWith("q=")) {
        try {
          double q = Double.parseDouble(parameter.substring(2));
          return q >= 0 && q <= 1 ? q : 0; // NaN and out-of-range weights count as "not wanted"
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
