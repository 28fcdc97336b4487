package dev.jotter.content.persistence;

import dev.jotter.content.api.PostStatus;
import dev.jotter.content.domain.Author;
import dev.jotter.content.domain.AuthorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Authors in the relational database, through JPA. */
@ApplicationScoped
public class JpaAuthorRepository implements AuthorRepository {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public Optional<Author> findBySlug(String slug) {
    return em.createNamedQuery("Author.findBySlug", Author.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Author> findByName(String name) {
    return em.createQuery("select a from Author a where a.name = :name order by a.id", Author.class)
        .setParameter("name", name)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Author> findAll() {
    return em.createNamedQuery("Author.findAll", Author.class).getResultList();
  }

  @Override
  public List<Author> findPage(Author after, int limit) {
    var query =
        em.createQuery(
                "select a from Author a"
                    + (after == null
                        ? ""
                        : " where a.name > :name or (a.name = :name and a.id > :id)")
                    + " order by a.name, a.id",
                Author.class)
            .setMaxResults(limit);
    if (after != null) {
      query.setParameter("name", after.name()).setParameter("id", after.id());
    }
    return query.getResultList();
  }

  @Override
  public List<Author> findWritersPage(Author after, int limit) {
    var query =
        em.createQuery(
                "select a from Author a where exists (select p from Post p join p.authors pa"
                    + " where pa = a and p.status = :published)"
                    + (after == null
                        ? ""
                        : " and (a.name > :name or (a.name = :name and a.id > :id))")
                    + " order by a.name, a.id",
                Author.class)
            .setParameter("published", PostStatus.PUBLISHED)
            .setMaxResults(limit);
    if (after != null) {
      query.setParameter("name", after.name()).setParameter("id", after.id());
    }
    return query.getResultList();
  }

  @Override
  public boolean hasPublishedPosts(long authorId) {
    return !em.createQuery(
            "select p.id from Post p join p.authors a where a.id = :id and p.status = :published",
            Long.class)
        .setParameter("id", authorId)
        .setParameter("published", PostStatus.PUBLISHED)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public Optional<Author> findById(long id) {
    return Optional.ofNullable(em.find(Author.class, id));
  }

  @Override
  public Author save(Author author) {
    if (author.id() == null) {
      em.persist(author);
      em.flush(); // others' rows (a staff user) may refer to it in the same transaction
      return author;
    }
    return em.merge(author);
  }
}
