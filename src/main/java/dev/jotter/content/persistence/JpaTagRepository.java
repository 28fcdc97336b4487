package dev.jotter.content.persistence;

import dev.jotter.content.domain.Tag;
import dev.jotter.content.domain.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Tags in the relational database, through JPA. */
@ApplicationScoped
public class JpaTagRepository implements TagRepository {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public Optional<Tag> findBySlug(String slug) {
    return em.createNamedQuery("Tag.findBySlug", Tag.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Tag> findPublic() {
    return em.createNamedQuery("Tag.findPublic", Tag.class).getResultList();
  }

  @Override
  public Tag save(Tag tag) {
    if (tag.id() == null) {
      em.persist(tag);
      return tag;
    }
    return em.merge(tag);
  }
}
