package dev.jotter.authoring.graphql;

import dev.jotter.authoring.internal.PostAuthoring;
import dev.jotter.content.api.AuthorProfile;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** The signed-in user's author card; a field left out stays as it is, "" clears it. */
@Input("ProfileInput")
@Description("Your author card; fields left out stay as they are, \"\" clears one.")
public class ProfileInput {

  @Size(min = 1, max = 191, message = "a name is 1 to 191 characters")
  @Pattern(regexp = "(?s).*\\S.*", message = "a name needs more than spaces")
  public String name;

  @Size(max = 500, message = "at most 500 characters")
  public String bio;

  @Size(max = 2048, message = "at most 2048 characters")
  @Pattern(regexp = PostAuthoring.IMAGE_URL, message = "an http(s) URL or a path starting with /")
  public String avatarUrl;

  @Size(max = 2048, message = "at most 2048 characters")
  @Pattern(regexp = "|https?://\\S+", message = "an http(s) URL")
  public String website;

  @Size(max = 191, message = "at most 191 characters")
  public String location;

  AuthorProfile toProfile() {
    return new AuthorProfile(name, bio, avatarUrl, website, location);
  }
}
