package dev.jotter.authoring.graphql;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** A tag's name, slug and description; for updateTag, a field left out stays as it is. */
@Input("TagInput")
@Description(
    "A tag. A name starting with # makes an internal tag, never shown to readers. In updateTag,"
        + " fields left out stay as they are.")
public class TagInput {

  @Size(min = 1, max = 191, message = "a name is 1 to 191 characters")
  public String name;

  @Size(max = 80, message = "at most 80 characters")
  @Description("Made from the name when left out.")
  public String slug;

  @Size(max = 500, message = "at most 500 characters")
  public String description;
}
