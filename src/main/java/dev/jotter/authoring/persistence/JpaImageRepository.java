package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.Image;
import dev.jotter.authoring.domain.ImageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Image records through JPA. Reads join the caller's transaction if there is one (content's save of
 * a post); a record is written in a transaction of its own, after its files are stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JpaImageRepository implements ImageRepository {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public Optional<Image> findById(String id) {
    return Optional.ofNullable(em.find(Image.class, id));
  }

  @Override
  public List<Image> findByIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery("Image.findByIds", Image.class)
        .setParameter("ids", List.copyOf(ids))
        .getResultList();
  }

  @Override
  public List<Image> findAfter(String afterId, int limit) {
    return em.createQuery("select i from Image i where i.id > :after order by i.id", Image.class)
        .setParameter("after", afterId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public void save(Image image) {
    em.persist(image);
    em.flush();
  }
}
