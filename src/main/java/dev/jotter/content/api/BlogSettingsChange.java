package dev.jotter.content.api;

import dev.jotter.content.api.BlogSettings.NavigationItem;
import java.util.List;

/**
 * What an administrator changes of the blog's settings: a null field stays as it is; {@code ""}
 * clears an optional one (the description, an image, the accent colour) and an empty list a menu.
 */
public record BlogSettingsChange(
    String title,
    String description,
    String locale,
    String logo,
    String icon,
    String coverImage,
    String accentColor,
    List<NavigationItem> navigation,
    List<NavigationItem> secondaryNavigation) {}
