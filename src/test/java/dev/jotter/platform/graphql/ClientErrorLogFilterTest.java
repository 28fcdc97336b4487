package dev.jotter.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.UnauthenticatedException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Client errors stay out of the server log; everything unexpected is still logged. */
class ClientErrorLogFilterTest {

  static LogRecord failure(Throwable thrown) {
    LogRecord record = new LogRecord(Level.SEVERE, "SRGQL012000: Data Fetching Error");
    record.setThrown(thrown);
    return record;
  }

  @Test
  void exceptionsWithAnErrorCodeAreNotLogged() {
    ClientErrorLogFilter.install();
    var filter = Logger.getLogger("io.smallrye.graphql").getFilter();
    assertThat(filter.isLoggable(failure(new InvalidArgumentException("first: 1000")))).isFalse();
    assertThat(filter.isLoggable(failure(new UnauthenticatedException("sign in")))).isFalse();
    assertThat(filter.isLoggable(failure(new ForbiddenException("no")))).isFalse();
  }

  @Test
  void unexpectedFailuresAndPlainMessagesAreLogged() {
    ClientErrorLogFilter.install();
    var filter = Logger.getLogger("io.smallrye.graphql").getFilter();
    assertThat(filter.isLoggable(failure(new IllegalStateException("database down")))).isTrue();
    assertThat(filter.isLoggable(failure(new NullPointerException()))).isTrue();
    assertThat(filter.isLoggable(new LogRecord(Level.WARNING, "no exception"))).isTrue();
  }
}
