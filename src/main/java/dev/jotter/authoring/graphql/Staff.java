package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.Role;
import dev.jotter.authoring.domain.StaffStatus;
import dev.jotter.authoring.internal.StaffMember;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.graphql.Author;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A staff user as staff see them. */
@Name("StaffUser")
@Description("Someone who signs in to write or run the blog, with the author card readers see.")
public class Staff {

  private final StaffMember user;
  private final AuthorView card;

  Staff(StaffMember user, AuthorView card) {
    this.user = user;
    this.card = card;
  }

  @Id
  @NonNull
  public String getId() {
    return Long.toString(user.id());
  }

  @NonNull
  public String getEmail() {
    return user.email();
  }

  @NonNull
  public Role getRole() {
    return user.role();
  }

  @NonNull
  public StaffStatus getStatus() {
    return user.status();
  }

  @NonNull
  @Description("The author card readers see on this user's posts.")
  public Author getAuthor() {
    return Author.of(card);
  }

  @NonNull
  public OffsetDateTime getCreatedAt() {
    return user.createdAt();
  }

  @Description("When they last signed in.")
  public OffsetDateTime getLastLoginAt() {
    return user.lastLoginAt();
  }
}
