package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.Role;
import dev.jotter.authoring.domain.StaffRepository;
import dev.jotter.authoring.domain.StaffStatus;
import dev.jotter.authoring.domain.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Staff users in the relational database, through JPA. */
@ApplicationScoped
public class JpaStaffRepository implements StaffRepository {

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public Optional<StaffUser> findById(long id) {
    return Optional.ofNullable(em.find(StaffUser.class, id));
  }

  @Override
  public Optional<StaffUser> findByEmail(String email) {
    return em.createNamedQuery("StaffUser.findByEmail", StaffUser.class)
        .setParameter("email", StaffUser.normalizeEmail(email))
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<StaffUser> findAll() {
    return em.createNamedQuery("StaffUser.findAll", StaffUser.class).getResultList();
  }

  @Override
  public List<StaffUser> findPage(String afterEmail, int limit) {
    return em.createQuery(
            "select s from StaffUser s where s.email > :after order by s.email", StaffUser.class)
        .setParameter("after", afterEmail == null ? "" : afterEmail)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void recordSignIn(long id, OffsetDateTime at) {
    // a bulk update: no version check, no version bump (EclipseLink forgets its cached copy)
    em.createQuery("update StaffUser s set s.lastLoginAt = :at where s.id = :id")
        .setParameter("at", at)
        .setParameter("id", id)
        .executeUpdate();
  }

  @Override
  public void lockAdministrators() {
    em.createNativeQuery("select name from authoring_lock where name = 'administrators' for update")
        .getResultList();
  }

  @Override
  public long count() {
    return em.createNamedQuery("StaffUser.count", Long.class).getSingleResult();
  }

  @Override
  public long countActive(Role role) {
    return em.createNamedQuery("StaffUser.countActive", Long.class)
        .setParameter("role", role)
        .setParameter("status", StaffStatus.ACTIVE)
        .getSingleResult();
  }

  @Override
  public StaffUser save(StaffUser user) {
    if (user.id() == null) {
      em.persist(user);
      em.flush(); // a taken email fails here, inside the caller's transaction
      return user;
    }
    return em.merge(user);
  }

  @Override
  public boolean claimBlog(OffsetDateTime now) {
    try {
      em.createNativeQuery("insert into blog_claim (id, claimed_at) values (1, ?)")
          .setParameter(1, now)
          .executeUpdate();
      return true;
    } catch (PersistenceException e) {
      return false; // claimed already, or by a setup racing this one
    }
  }
}
