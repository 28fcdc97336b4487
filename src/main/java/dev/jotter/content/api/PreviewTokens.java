package dev.jotter.content.api;

import java.util.OptionalLong;

/**
 * Reads a draft preview link's token: implemented by the module that issues them (authoring), so
 * that {@code post(previewToken:)} can show a post in any status to whoever holds a valid link.
 */
public interface PreviewTokens {

  /**
   * The post a token shows, if it is genuine, unexpired and not revoked; empty otherwise (forged,
   * expired, revoked or not a token at all).
   */
  OptionalLong postIdOf(String token);
}
