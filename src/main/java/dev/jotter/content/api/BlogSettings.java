package dev.jotter.content.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The blog's own settings as frontends show them: its name and description, its address (the
 * server's {@code jotter.public-url}), the language it is written in, its images and its menus. The
 * title, description and locale fall back to the server's configuration until an administrator sets
 * them; the rest is null (or an empty menu) until set.
 *
 * @param updatedAt when an administrator last changed them; null if never
 */
public record BlogSettings(
    String title,
    String description,
    String url,
    String locale,
    String logo,
    String icon,
    String coverImage,
    String accentColor,
    List<NavigationItem> navigation,
    List<NavigationItem> secondaryNavigation,
    OffsetDateTime updatedAt) {

  /** How many entries a menu holds at most. */
  public static final int MAX_MENU_ITEMS = 50;

  public BlogSettings {
    navigation = List.copyOf(navigation);
    secondaryNavigation = List.copyOf(secondaryNavigation);
  }

  /** A menu entry: a label and where it leads (an http(s) URL, a path on the site or an anchor). */
  public record NavigationItem(String label, String url) {}
}
