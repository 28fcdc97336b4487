package dev.jotter.content.persistence;

import dev.jotter.content.domain.SlugLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The slug lock as a row lock on {@code content_lock} ('slugs'), held until commit. */
@ApplicationScoped
public class JpaSlugLock implements SlugLock {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public void hold() {
    em.createNativeQuery("select name from content_lock where name = 'slugs' for update")
        .getResultList();
  }
}
