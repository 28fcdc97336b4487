package dev.jotter.content.graphql;

import dev.jotter.content.api.AuthorView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** An author as readers query them. */
@Description("A person who writes on the blog: the author card and author page.")
public class Author {

  private final AuthorView view;

  Author(AuthorView view) {
    this.view = view;
  }

  /** The output type of a view, for other modules' fields that return it. */
  public static Author of(AuthorView view) {
    return new Author(view);
  }

  @Ignore
  public AuthorView getView() {
    return view;
  }

  @Id
  @NonNull
  public String getId() {
    return Long.toString(view.id());
  }

  @NonNull
  @Description("URL-safe name: the author page lives at /author/{slug}.")
  public String getSlug() {
    return view.slug();
  }

  @NonNull
  public String getName() {
    return view.name();
  }

  @Description("One line about the author.")
  public String getBio() {
    return view.bio();
  }

  @Description("URL of the author's picture.")
  public String getAvatarUrl() {
    return view.avatarUrl();
  }

  public String getWebsite() {
    return view.website();
  }

  public String getLocation() {
    return view.location();
  }
}
