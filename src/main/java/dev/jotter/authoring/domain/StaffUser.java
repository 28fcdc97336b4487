package dev.jotter.authoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A person who signs in to write or run the blog. Each is linked to the author card readers see
 * (content's Author); the email is the sign-in name, kept lower-case.
 */
@Entity
@Table(name = "staff_user")
@NamedQuery(
    name = "StaffUser.findByEmail",
    query = "select s from StaffUser s where s.email = :email")
@NamedQuery(name = "StaffUser.findAll", query = "select s from StaffUser s order by s.email")
@NamedQuery(name = "StaffUser.count", query = "select count(s) from StaffUser s")
@NamedQuery(
    name = "StaffUser.countActive",
    query = "select count(s) from StaffUser s where s.role = :role and s.status = :status")
public class StaffUser {

  @Id
  @SequenceGenerator(name = "staff_user_seq", sequenceName = "staff_user_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_user_seq")
  private Long id;

  @Column(nullable = false, unique = true)
  private String email;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private StaffStatus status;

  @Column(name = "author_id", nullable = false, unique = true)
  private long authorId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "last_login_at")
  private OffsetDateTime lastLoginAt;

  @Version private long version;

  protected StaffUser() {}

  public StaffUser(
      String email, String passwordHash, Role role, long authorId, OffsetDateTime now) {
    this.email = normalizeEmail(email);
    this.passwordHash = passwordHash;
    this.role = role;
    this.status = StaffStatus.ACTIVE;
    this.authorId = authorId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Emails compare without case and surrounding spaces. */
  public static String normalizeEmail(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether the text looks like an email address (one @, something on both sides, a dot). */
  public static boolean looksLikeEmail(String email) {
    String e = normalizeEmail(email);
    int at = e.indexOf('@');
    return e.length() <= 254
        && at > 0
        && at == e.lastIndexOf('@')
        && e.indexOf('.', at) > at + 1
        && !e.endsWith(".")
        && e.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  public void changeRole(Role role, OffsetDateTime now) {
    this.role = role;
    this.updatedAt = now;
  }

  public void suspend(OffsetDateTime now) {
    this.status = StaffStatus.SUSPENDED;
    this.updatedAt = now;
  }

  public void reactivate(OffsetDateTime now) {
    this.status = StaffStatus.ACTIVE;
    this.updatedAt = now;
  }

  public void changePassword(String passwordHash, OffsetDateTime now) {
    this.passwordHash = passwordHash;
    this.updatedAt = now;
  }

  public boolean isActive() {
    return status == StaffStatus.ACTIVE;
  }

  public Long id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public StaffStatus status() {
    return status;
  }

  public long authorId() {
    return authorId;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime lastLoginAt() {
    return lastLoginAt;
  }
}
