package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.Revision;
import dev.jotter.authoring.domain.RevisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Post revisions in the relational database, through JPA. */
@ApplicationScoped
public class JpaRevisionRepository implements RevisionRepository {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public Revision save(Revision revision) {
    em.persist(revision);
    return revision;
  }

  @Override
  public Optional<Revision> findById(long id) {
    return Optional.ofNullable(em.find(Revision.class, id));
  }

  @Override
  public Map<Long, List<Revision>> findByPosts(Collection<Long> postIds) {
    Map<Long, List<Revision>> byPost = new HashMap<>();
    if (postIds.isEmpty()) {
      return byPost;
    }
    List<Revision> rows =
        em.createQuery(
                "select r from Revision r where r.postId in :ids"
                    + " order by r.postId, r.postVersion desc, r.id desc",
                Revision.class)
            .setParameter("ids", List.copyOf(postIds))
            .getResultList();
    for (Revision r : rows) {
      byPost.computeIfAbsent(r.postId(), k -> new ArrayList<>()).add(r);
    }
    return byPost;
  }

  @Override
  public void trim(long postId, int keep) {
    List<Long> old =
        em.createQuery(
                "select r.id from Revision r where r.postId = :post"
                    + " order by r.postVersion desc, r.id desc",
                Long.class)
            .setParameter("post", postId)
            .setFirstResult(keep)
            .getResultList();
    if (!old.isEmpty()) {
      em.createQuery("delete from Revision r where r.id in :ids")
          .setParameter("ids", old)
          .executeUpdate();
    }
  }
}
