package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.PreviewGenerations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The generations in {@code preview_generation}: a row only for posts whose links were revoked. */
@ApplicationScoped
public class JpaPreviewGenerations implements PreviewGenerations {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public int current(long postId) {
    List<?> rows =
        em.createNativeQuery("select generation from preview_generation where post_id = ?")
            .setParameter(1, postId)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
  }

  @Override
  public void advance(long postId) {
    int updated =
        em.createNativeQuery(
                "update preview_generation set generation = generation + 1 where post_id = ?")
            .setParameter(1, postId)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery("insert into preview_generation (post_id, generation) values (?, 1)")
          .setParameter(1, postId)
          .executeUpdate();
    }
  }
}
