package dev.jotter.content.domain;

import dev.jotter.content.api.BlogSettings.NavigationItem;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The blog's settings as stored: a null field was never set (the title, description and locale then
 * come from the server's configuration), {@code ""} was cleared.
 */
public record SavedBlogSettings(
    String title,
    String description,
    String locale,
    String logo,
    String icon,
    String coverImage,
    String accentColor,
    List<NavigationItem> navigation,
    List<NavigationItem> secondaryNavigation,
    OffsetDateTime updatedAt) {

  public SavedBlogSettings {
    navigation = List.copyOf(navigation);
    secondaryNavigation = List.copyOf(secondaryNavigation);
  }

  /** Settings no administrator has touched. */
  public static SavedBlogSettings none() {
    return new SavedBlogSettings(
        null, null, null, null, null, null, null, List.of(), List.of(), null);
  }
}
