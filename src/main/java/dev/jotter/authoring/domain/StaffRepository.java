package dev.jotter.authoring.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Where staff users live. */
public interface StaffRepository {

  Optional<StaffUser> findById(long id);

  Optional<StaffUser> findByEmail(String email);

  List<StaffUser> findAll();

  /** Up to {@code limit} staff users by email, after {@code afterEmail} (null: from the start). */
  List<StaffUser> findPage(String afterEmail, int limit);

  long count();

  /** Locks the administrators' row of authoring_lock until the transaction ends. */
  void lockAdministrators();

  /** How many active staff users have this role. */
  long countActive(Role role);

  StaffUser save(StaffUser user);

  /**
   * Records a sign-in's time without touching the row's version: sign-ins of one user from several
   * places at once must not conflict with each other (nor with an edit of the account).
   */
  void recordSignIn(long id, OffsetDateTime at);

  /**
   * Marks the blog as claimed by its first administrator; false when it was claimed already (also
   * by a setup racing this one).
   */
  boolean claimBlog(OffsetDateTime now);
}
