package dev.jotter.platform.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What {@code /graphql} answered, for {@code /metrics} and the log: a counter of requests by
 * operation name and outcome ({@code ok} or the first error's {@code extensions.code}), a latency
 * histogram by operation name (its buckets are set in microprofile-config.properties), and one log
 * line per failed request.
 *
 * <p>Operation names come from clients, so the set of names is bounded: the first {@value
 * #MAX_OPERATIONS} distinct names are counted as themselves, later ones as {@code other}. Requests
 * that never named an operation are {@code anonymous}; those that never reached one (not JSON, not
 * GraphQL) are {@code none}. Outcomes are Jotter's own codes, a fixed set.
 */
@ApplicationScoped
public class RequestMetrics {

  static final String REQUESTS = "jotter.graphql.requests";
  static final String DURATION = "jotter.graphql.request.duration";
  static final int MAX_OPERATIONS = 100;

  private static final Logger LOG = Logger.getLogger("dev.jotter.requests");
  private static final Pattern OPERATION_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");
  private static final Metadata REQUESTS_METADATA =
      Metadata.builder()
          .withName(REQUESTS)
          .withDescription(
              "GraphQL requests answered, by operation name and outcome (ok, or the first error's"
                  + " extensions.code)")
          .build();
  private static final Metadata DURATION_METADATA =
      Metadata.builder()
          .withName(DURATION)
          .withDescription("Time from a GraphQL request's arrival to its answer, by operation name")
          .withUnit(MetricUnits.NANOSECONDS)
          .build();

  @Inject MetricRegistry registry;

  private final Set<String> operations = ConcurrentHashMap.newKeySet();
  // looked up once per label (the labels are bounded): the registry's lookup builds an id each time
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /**
   * Records one answered request.
   *
   * @param operationName the operation the client asked for, or null when it never reached one
   * @param anonymous whether the operation reached had no name
   * @param outcome {@code ok} or the error code answered
   * @param status the HTTP status answered
   */
  public void record(
      String operationName, boolean anonymous, String outcome, int status, long nanos) {
    String operation = operationLabel(operationName, anonymous);
    counters
        .computeIfAbsent(
            operation + '\n' + outcome,
            key ->
                registry.counter(
                    REQUESTS_METADATA,
                    new Tag("operation", operation),
                    new Tag("outcome", outcome)))
        .inc();
    timers
        .computeIfAbsent(
            operation, key -> registry.timer(DURATION_METADATA, new Tag("operation", operation)))
        .update(Duration.ofNanos(nanos));
    if (!outcome.equals("ok")) {
      Level level =
          status >= 500 || outcome.equals(GraphQLErrors.INTERNAL_SERVER_ERROR)
              ? Level.WARNING
              : Level.INFO;
      LOG.log(
          level,
          "GraphQL request failed: operation="
              + operation
              + " code="
              + outcome
              + " status="
              + status
              + " ms="
              + nanos / 1_000_000);
    }
  }

  private String operationLabel(String name, boolean anonymous) {
    if (name == null || name.isEmpty()) {
      return anonymous ? "anonymous" : "none";
    }
    if (!OPERATION_NAME.matcher(name).matches()) {
      return "other";
    }
    if (operations.contains(name)) {
      return name;
    }
    synchronized (operations) {
      if (operations.size() < MAX_OPERATIONS) {
        operations.add(name);
        return name;
      }
    }
    return operations.contains(name) ? name : "other";
  }
}
