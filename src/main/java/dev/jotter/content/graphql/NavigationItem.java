package dev.jotter.content.graphql;

import dev.jotter.content.api.BlogSettings;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** An entry of one of the blog's menus. */
@Description("A menu entry: a label and where it leads.")
public class NavigationItem {

  private final BlogSettings.NavigationItem item;

  NavigationItem(BlogSettings.NavigationItem item) {
    this.item = item;
  }

  @NonNull
  public String getLabel() {
    return item.label();
  }

  @NonNull
  @Description("An http(s) or mailto URL, a path on this site or an #anchor.")
  public String getUrl() {
    return item.url();
  }
}
