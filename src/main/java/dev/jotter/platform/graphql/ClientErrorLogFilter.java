package dev.jotter.platform.graphql;

import io.smallrye.graphql.api.ErrorCode;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps client errors out of the server log. SmallRye logs every exception a resolver throws, with
 * its stack trace, at ERROR ({@code smallrye.graphql.printDataFetcherException}, which Jotter needs
 * so that unexpected failures are logged). An exception carrying an {@code @ErrorCode} (bad input,
 * a missing sign-in, a refused role) is the client's mistake, already answered with that code: it
 * is dropped from the log. Everything else is still logged.
 */
final class ClientErrorLogFilter implements Filter {

  /** Held here: java.util.logging keeps only weak references to its loggers. */
  private static final Logger SMALLRYE = Logger.getLogger("io.smallrye.graphql");

  private ClientErrorLogFilter() {}

  static void install() {
    SMALLRYE.setFilter(new ClientErrorLogFilter());
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    Throwable thrown = record.getThrown();
    return thrown == null || !thrown.getClass().isAnnotationPresent(ErrorCode.class);
  }
}
