package dev.jotter.content.graphql;

import dev.jotter.content.api.TagView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** A public tag as readers query it. */
@Description("A public tag; the first one of a post is its category label.")
public class Tag {

  private final TagView view;

  Tag(TagView view) {
    this.view = view;
  }

  /** The output type of a view, for other modules' fields that return it. */
  public static Tag of(TagView view) {
    return new Tag(view);
  }

  @Ignore
  public TagView getView() {
    return view;
  }

  @Id
  @NonNull
  public String getId() {
    return Long.toString(view.id());
  }

  @NonNull
  @Description("URL-safe name: the tag page lives at /tag/{slug}.")
  public String getSlug() {
    return view.slug();
  }

  @NonNull
  public String getName() {
    return view.name();
  }

  public String getDescription() {
    return view.description();
  }
}
