package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.WebhookRetries;
import dev.jotter.authoring.domain.WebhookSignature;
import dev.jotter.platform.persistence.DatabaseMigrated;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the deliveries that are due, on every server: each is claimed by one server (a conditional
 * update), sent as a signed POST with connect and total timeouts, and its outcome recorded. A
 * server that stops while sending leaves a lease that runs out, after which another sends it again.
 * When nothing waits, the poll reads no database until something wakes it (a change that has
 * deliveries, a redelivery, a finished send): an idle blog pays nothing for webhooks.
 */
@ApplicationScoped
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
  private static final int MAX_IN_FLIGHT = 8;
  private static final String USER_AGENT = "Jotter-Webhooks/1.0";

  @Resource ManagedScheduledExecutorService executor;
  @Inject WebhookDeliveries deliveries;
  @Inject WebhookTargets targets;

  @Inject
  @ConfigProperty(name = "jotter.webhooks.poll-millis", defaultValue = "1000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "jotter.webhooks.connect-timeout-millis", defaultValue = "5000")
  long connectTimeoutMillis;

  @Inject
  @ConfigProperty(name = "jotter.webhooks.timeout-millis", defaultValue = "10000")
  long timeoutMillis;

  @Inject
  @ConfigProperty(name = "jotter.webhooks.retry-base-millis", defaultValue = "30000")
  long retryBaseMillis;

  @Inject
  @ConfigProperty(name = "jotter.webhooks.retry-max-millis", defaultValue = "3600000")
  long retryMaxMillis;

  @Inject
  @ConfigProperty(name = "jotter.webhooks.retry-window-hours", defaultValue = "24")
  long retryWindowHours;

  @Inject
  @ConfigProperty(name = "jotter.webhooks.max-consecutive-failures", defaultValue = "100")
  int maxConsecutiveFailures;

  private final ReentrantLock ticking = new ReentrantLock();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong wakes = new AtomicLong();
  private volatile long idleSince = -1; // the wake count when the last look found nothing waiting
  private HttpClient http;
  private WebhookRetries retries;
  private volatile ScheduledFuture<?> polling;
  private volatile ScheduledFuture<?> pruning;
  private volatile boolean stopped;

  @PostConstruct
  void init() {
    http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
            .followRedirects(
                HttpClient.Redirect.NEVER) // a redirect could lead to a private address
            .build();
    retries =
        new WebhookRetries(
            Duration.ofMillis(retryBaseMillis),
            Duration.ofMillis(retryMaxMillis),
            Duration.ofHours(retryWindowHours));
  }

  /** After the change relay has started following the log. */
  void start(@Observes @Priority(9100) DatabaseMigrated migrated) {
    polling =
        executor.scheduleWithFixedDelay(this::tick, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    pruning = executor.scheduleWithFixedDelay(this::prune, 1, 24, TimeUnit.HOURS);
  }

  /** New deliveries were made (or one finished): look for due ones now, not at the next poll. */
  public void wake() {
    wakes.incrementAndGet();
    if (!stopped) {
      executor.execute(this::tick);
    }
  }

  private void tick() {
    if (stopped || idleSince == wakes.get() || !ticking.tryLock()) {
      return;
    }
    try {
      long seen = wakes.get();
      int free = MAX_IN_FLIGHT - inFlight.get();
      List<WebhookDeliveries.Claimed> claimed =
          deliveries.claimDue(free, connectTimeoutMillis + timeoutMillis + 60_000);
      for (WebhookDeliveries.Claimed delivery : claimed) {
        inFlight.incrementAndGet();
        executor.execute(() -> sendAndRecord(delivery));
      }
      if (claimed.isEmpty() && inFlight.get() == 0 && !deliveries.anyWaiting()) {
        idleSince = seen; // until the next wake
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Looking for webhook deliveries failed; trying again soon", e);
    } finally {
      ticking.unlock();
    }
  }

  private void sendAndRecord(WebhookDeliveries.Claimed delivery) {
    try {
      send(delivery);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Recording webhook delivery " + delivery.id() + " failed", e);
    } finally {
      inFlight.decrementAndGet();
      wake(); // the next delivery about the same post may be waiting for this one
    }
  }

  private void send(WebhookDeliveries.Claimed delivery) {
    long started = System.nanoTime();
    Optional<String> refused = targets.refusal(delivery.url());
    if (refused.isPresent()) {
      deliveries.failed(
          delivery, null, 0, "Not sent: " + refused.get(), retries, maxConsecutiveFailures);
      return;
    }
    long unix = OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(delivery.url()))
            .timeout(Duration.ofMillis(timeoutMillis))
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("Jotter-Event", delivery.event().wireName())
            .header("Jotter-Delivery", Long.toString(delivery.id()))
            .header(
                "Jotter-Signature",
                WebhookSignature.header(delivery.secret(), unix, delivery.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
            .build();
    CompletableFuture<HttpResponse<Void>> answer =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    int status;
    try {
      status = answer.get(timeoutMillis + connectTimeoutMillis, TimeUnit.MILLISECONDS).statusCode();
    } catch (TimeoutException e) {
      answer.cancel(true);
      failed(delivery, started, null, "No answer within " + timeoutMillis + " ms");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.cancel(true);
      failed(delivery, started, null, "Sending was interrupted (the server is stopping)");
      return;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String why =
          cause instanceof HttpTimeoutException
              ? "No answer within " + timeoutMillis + " ms"
              : "Could not reach the target: "
                  + (cause.getMessage() == null
                      ? cause.getClass().getSimpleName()
                      : cause.getMessage());
      failed(delivery, started, null, why);
      return;
    }
    int millis = millisSince(started);
    if (status >= 200 && status < 300) {
      deliveries.succeeded(delivery, status, millis);
    } else if (status == 410) {
      deliveries.gone(delivery, millis);
    } else {
      deliveries.failed(
          delivery,
          status,
          millis,
          "The target answered HTTP " + status,
          retries,
          maxConsecutiveFailures);
    }
  }

  private void failed(
      WebhookDeliveries.Claimed delivery, long started, Integer status, String why) {
    deliveries.failed(delivery, status, millisSince(started), why, retries, maxConsecutiveFailures);
  }

  private static int millisSince(long started) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
  }

  private void prune() {
    try {
      int pruned = deliveries.prune(OffsetDateTime.now(ZoneOffset.UTC).minusDays(30));
      if (pruned > 0) {
        LOG.info("Pruned " + pruned + " webhook deliveries older than 30 days");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Pruning webhook deliveries failed; trying again tomorrow", e);
    }
  }

  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    stop();
  }

  @PreDestroy
  void stop() {
    stopped = true;
    if (polling != null) {
      polling.cancel(false);
    }
    if (pruning != null) {
      pruning.cancel(false);
    }
  }
}
