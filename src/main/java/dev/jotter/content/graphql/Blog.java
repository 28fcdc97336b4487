package dev.jotter.content.graphql;

import dev.jotter.content.api.BlogSettings;
import dev.jotter.platform.graphql.ListSize;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** The blog's settings as frontends query them. */
@Description(
    "The blog itself: its name, description, address, language, images and menus, as the"
        + " administrators set them (updateBlogSettings).")
public class Blog {

  private final BlogSettings settings;

  Blog(BlogSettings settings) {
    this.settings = settings;
  }

  /** The output type of the settings, for other modules' fields that return it. */
  public static Blog of(BlogSettings settings) {
    return new Blog(settings);
  }

  @Ignore
  public BlogSettings getSettings() {
    return settings;
  }

  @NonNull
  @Description("The blog's name.")
  public String getTitle() {
    return settings.title();
  }

  @Description("What the blog is about, in a sentence or two; null when cleared.")
  public String getDescription() {
    return settings.description();
  }

  @NonNull
  @Description("The blog's public address, without a trailing slash (the server's configuration).")
  public String getUrl() {
    return settings.url();
  }

  @NonNull
  @Description("The language the blog is written in, as a BCP 47 tag (en, en-GB, pt-BR).")
  public String getLocale() {
    return settings.locale();
  }

  @Description("The logo's address: an absolute URL or a path on this site.")
  public String getLogo() {
    return settings.logo();
  }

  @Description("The icon's (favicon's) address.")
  public String getIcon() {
    return settings.icon();
  }

  @Description("A wide image for the home page's header.")
  public String getCoverImage() {
    return settings.coverImage();
  }

  @Description("The brand colour as #rrggbb.")
  public String getAccentColor() {
    return settings.accentColor();
  }

  @NonNull
  @ListSize(assumedSize = BlogSettings.MAX_MENU_ITEMS)
  @Description("The main menu, in order.")
  public List<@NonNull NavigationItem> getNavigation() {
    return settings.navigation().stream().map(NavigationItem::new).toList();
  }

  @NonNull
  @ListSize(assumedSize = BlogSettings.MAX_MENU_ITEMS)
  @Description("The secondary menu (often in the footer), in order.")
  public List<@NonNull NavigationItem> getSecondaryNavigation() {
    return settings.secondaryNavigation().stream().map(NavigationItem::new).toList();
  }

  @Description("When an administrator last changed the settings; null if never.")
  public OffsetDateTime getUpdatedAt() {
    return settings.updatedAt();
  }
}
