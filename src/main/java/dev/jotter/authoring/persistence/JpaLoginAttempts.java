package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.LoginAttempts;
import dev.jotter.authoring.domain.LoginThrottle.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The throttle's counts in {@code login_throttle}, serialised by a row of {@code authoring_lock}.
 */
@ApplicationScoped
public class JpaLoginAttempts implements LoginAttempts {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public void lock() {
    em.createNativeQuery("select name from authoring_lock where name = 'sign-in' for update")
        .getResultList();
  }

  @Override
  public Failures find(String key) {
    List<?> rows =
        em.createNativeQuery(
                "select failures, last_failure from login_throttle where throttle_key = ?")
            .setParameter(1, key)
            .getResultList();
    if (rows.isEmpty()) {
      return Failures.NONE;
    }
    Object[] row = (Object[]) rows.get(0);
    return new Failures(((Number) row[0]).intValue(), instant(row[1]));
  }

  @Override
  public void save(String key, Failures failures) {
    OffsetDateTime last = failures.last().atOffset(ZoneOffset.UTC);
    int updated =
        em.createNativeQuery(
                "update login_throttle set failures = ?, last_failure = ? where throttle_key = ?")
            .setParameter(1, failures.count())
            .setParameter(2, last)
            .setParameter(3, key)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "insert into login_throttle (throttle_key, failures, last_failure) values (?, ?, ?)")
          .setParameter(1, key)
          .setParameter(2, failures.count())
          .setParameter(3, last)
          .executeUpdate();
    }
  }

  @Override
  public void delete(String key) {
    em.createNativeQuery("delete from login_throttle where throttle_key = ?")
        .setParameter(1, key)
        .executeUpdate();
  }

  @Override
  public int deleteLastFailureBefore(Instant before) {
    return em.createNativeQuery("delete from login_throttle where last_failure < ?")
        .setParameter(1, before.atOffset(ZoneOffset.UTC))
        .executeUpdate();
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime at) {
      return at.toInstant();
    }
    if (value instanceof java.sql.Timestamp at) {
      return at.toInstant();
    }
    if (value instanceof java.time.LocalDateTime at) {
      return at.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalStateException("Unexpected timestamp " + value);
  }
}
