package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.Role;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A new staff user. */
@Input("StaffInput")
@Description(
    "A new staff user and their author card. Pass the first password on to them; they can change"
        + " it with changeMyPassword.")
public class StaffInput {

  @NonNull
  @NotNull(message = "an email is needed")
  @Size(max = 254, message = "at most 254 characters")
  public String email;

  @NonNull
  @NotNull(message = "a name is needed")
  @Size(min = 1, max = 191, message = "a name is 1 to 191 characters")
  public String name;

  @NonNull
  @NotNull(message = "a role is needed")
  public Role role;

  @NonNull
  @NotNull(message = "a password is needed")
  @Size(min = 10, max = 200, message = "a password is 10 to 200 characters")
  public String password;
}
