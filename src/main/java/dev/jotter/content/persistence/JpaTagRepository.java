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
  public Optional<Tag> findByName(String name) {
    return em.createQuery(
            "select t from Tag t where lower(t.name) = :name order by t.id", Tag.class)
        .setParameter("name", name.toLowerCase(java.util.Locale.ROOT))
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Tag> findPublic() {
    return em.createNamedQuery("Tag.findPublic", Tag.class).getResultList();
  }

  @Override
  public List<Tag> findPage(boolean publicOnly, Tag after, int limit) {
    String where =
        (publicOnly ? " and t.name not like '#%'" : "")
            + (after == null ? "" : " and (t.name > :name or (t.name = :name and t.id > :id))");
    var query =
        em.createQuery(
                "select t from Tag t where 1 = 1" + where + " order by t.name, t.id", Tag.class)
            .setMaxResults(limit);
    if (after != null) {
      query.setParameter("name", after.name()).setParameter("id", after.id());
    }
    return query.getResultList();
  }

  @Override
  public List<Tag> findAll() {
    return em.createQuery("select t from Tag t order by t.name, t.id", Tag.class).getResultList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void delete(Tag tag) {
    // post_tag keeps positions 0..n-1 per post; renumber what follows the removed tag
    List<Object[]> links =
        em.createNativeQuery("select post_id, position from post_tag where tag_id = ?")
            .setParameter(1, tag.id())
            .getResultList();
    em.createNativeQuery("delete from post_tag where tag_id = ?")
        .setParameter(1, tag.id())
        .executeUpdate();
    for (Object[] link : links) {
      em.createNativeQuery(
              "update post_tag set position = position - 1 where post_id = ? and position > ?")
          .setParameter(1, link[0])
          .setParameter(2, link[1])
          .executeUpdate();
    }
    em.remove(tag);
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
