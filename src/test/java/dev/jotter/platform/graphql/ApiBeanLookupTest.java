package dev.jotter.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.graphql.spi.LookupService;
import org.junit.jupiter.api.Test;

/** SmallRye finds the API beans through Jotter's lookup, which keeps their client proxies. */
class ApiBeanLookupTest {

  @Test
  void smallRyePrefersJottersLookupToItsOwn() {
    assertEquals(ApiBeanLookup.class, LookupService.load().getClass());
  }
}
