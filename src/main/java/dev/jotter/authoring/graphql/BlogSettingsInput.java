package dev.jotter.authoring.graphql;

import dev.jotter.content.api.BlogSettings.NavigationItem;
import dev.jotter.content.api.BlogSettingsChange;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A change of the blog's settings; a field left out stays as it is, "" clears an optional one. */
@Input("BlogSettingsInput")
@Description(
    "A change of the blog's settings: fields left out stay as they are; \"\" clears the"
        + " description, an image or the accent colour; [] empties a menu.")
public class BlogSettingsInput {

  @Description("The blog's name, 1 to 150 characters.")
  public String title;

  @Description("At most 500 characters.")
  public String description;

  @Description("A BCP 47 language tag: en, en-GB, pt-BR.")
  public String locale;

  @Description("An http(s) URL or a path on this site starting with / (an uploaded image).")
  public String logo;

  @Description("An http(s) URL or a path on this site starting with /.")
  public String icon;

  @Description("An http(s) URL or a path on this site starting with /.")
  public String coverImage;

  @Description("#rrggbb.")
  public String accentColor;

  @Description("The main menu, in order: at most 50 entries.")
  public List<@NonNull NavigationItemInput> navigation;

  @Description("The secondary menu, in order: at most 50 entries.")
  public List<@NonNull NavigationItemInput> secondaryNavigation;

  /** A menu entry. */
  @Input("NavigationItemInput")
  @Description("A menu entry.")
  public static class NavigationItemInput {
    @NonNull
    @Description("1 to 100 characters.")
    public String label;

    @NonNull
    @Description("An http(s) or mailto URL, a path on this site starting with / or an #anchor.")
    public String url;
  }

  BlogSettingsChange toChange() {
    return new BlogSettingsChange(
        title,
        description,
        locale,
        logo,
        icon,
        coverImage,
        accentColor,
        items(navigation),
        items(secondaryNavigation));
  }

  private static List<NavigationItem> items(List<NavigationItemInput> items) {
    return items == null
        ? null
        : items.stream().map(i -> new NavigationItem(i.label, i.url)).toList();
  }
}
