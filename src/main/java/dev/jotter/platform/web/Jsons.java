package dev.jotter.platform.web;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON provider, looked up once. {@code jakarta.json.JSON.createObjectBuilder()} and its
 * siblings look the provider up on every call, a {@code ServiceLoader} scan of the application's
 * class path with a class loaded by name: ~6 % of the CPU of an uncached post page, in the answer's
 * error shaping and cost extension alone. Use {@code JSON.createObjectBuilder()} instead.
 */
public final class Jsons {

  /** The provider Liberty serves (Parsson): thread-safe, its builders are not. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsons() {}
}
