package dev.jotter.authoring.domain;

import java.time.Instant;

/** Where the sign-in throttle's counts live (the database); every method joins the transaction. */
public interface LoginAttempts {

  /** Locks the throttle until the transaction ends: attempts are admitted one at a time. */
  void lock();

  /** The failures recorded for a key; NONE when there are none. */
  LoginThrottle.Failures find(String key);

  void save(String key, LoginThrottle.Failures failures);

  void delete(String key);

  /** Deletes the counts whose last failure was before {@code before}; how many. */
  int deleteLastFailureBefore(Instant before);
}
