package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Role;
import dev.jotter.authoring.domain.StaffStatus;
import dev.jotter.authoring.domain.StaffUser;
import java.time.OffsetDateTime;

/** A staff user as the services hand them out (never the entity). */
public record StaffMember(
    long id,
    String email,
    Role role,
    StaffStatus status,
    long authorId,
    OffsetDateTime createdAt,
    OffsetDateTime lastLoginAt) {

  /** The same member, signed in at {@code at}. */
  StaffMember signedInAt(OffsetDateTime at) {
    return new StaffMember(id, email, role, status, authorId, createdAt, at);
  }

  static StaffMember of(StaffUser user) {
    return new StaffMember(
        user.id(),
        user.email(),
        user.role(),
        user.status(),
        user.authorId(),
        user.createdAt(),
        user.lastLoginAt());
  }
}
