package dev.jotter.content.domain;

import dev.jotter.content.api.BlogSettings;
import dev.jotter.content.api.BlogSettings.NavigationItem;
import dev.jotter.content.api.BlogSettingsChange;
import dev.jotter.platform.errors.InvalidArgumentException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the blog's settings may hold (Ghost's limits where it has them) and how a change and the
 * server's defaults make the settings frontends read.
 */
public final class BlogSettingsRules {

  public static final int MAX_TITLE = 150;
  public static final int MAX_DESCRIPTION = 500;
  public static final int MAX_URL = 2048;
  public static final int MAX_LABEL = 100;
  public static final int MAX_ITEMS = BlogSettings.MAX_MENU_ITEMS;

  /** An http(s) URL or a path on the site: where an image may be. */
  private static final Pattern IMAGE = Pattern.compile("https?://[^\\s]+|/(?!/)[^\\s]*");

  /** An http(s) or mailto URL, a path on the site or an anchor: where a menu entry may lead. */
  private static final Pattern LINK =
      Pattern.compile("https?://[^\\s]+|mailto:[^\\s]+|/(?!/)[^\\s]*|#[^\\s]*");

  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** A BCP 47 language tag as people write them: en, en-GB, pt-BR, zh-Hant-TW. */
  private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

  private BlogSettingsRules() {}

  /** What the server's configuration gives until an administrator sets them. */
  public record Defaults(String title, String description, String locale, String url) {}

  /**
   * The stored settings after a change.
   *
   * @throws InvalidArgumentException naming the first invalid field, as {@code "field: why"}
   */
  public static SavedBlogSettings apply(
      SavedBlogSettings saved, BlogSettingsChange change, OffsetDateTime now)
      throws InvalidArgumentException {
    return new SavedBlogSettings(
        change.title() == null ? saved.title() : title(change.title()),
        change.description() == null ? saved.description() : description(change.description()),
        change.locale() == null ? saved.locale() : locale(change.locale()),
        change.logo() == null ? saved.logo() : image("logo", change.logo()),
        change.icon() == null ? saved.icon() : image("icon", change.icon()),
        change.coverImage() == null ? saved.coverImage() : image("coverImage", change.coverImage()),
        change.accentColor() == null ? saved.accentColor() : colour(change.accentColor()),
        change.navigation() == null ? saved.navigation() : menu("navigation", change.navigation()),
        change.secondaryNavigation() == null
            ? saved.secondaryNavigation()
            : menu("secondaryNavigation", change.secondaryNavigation()),
        now);
  }

  /** The settings frontends read: the stored ones, the defaults where never set. */
  public static BlogSettings resolve(SavedBlogSettings saved, Defaults defaults) {
    return new BlogSettings(
        saved.title() == null ? defaults.title() : saved.title(),
        saved.description() == null
            ? emptyToNull(defaults.description())
            : emptyToNull(saved.description()),
        defaults.url(),
        saved.locale() == null ? defaults.locale() : saved.locale(),
        emptyToNull(saved.logo()),
        emptyToNull(saved.icon()),
        emptyToNull(saved.coverImage()),
        emptyToNull(saved.accentColor()),
        saved.navigation(),
        saved.secondaryNavigation(),
        saved.updatedAt());
  }

  private static String title(String title) throws InvalidArgumentException {
    String clean = title.strip();
    if (clean.isEmpty()) {
      throw new InvalidArgumentException("title: the blog needs a title.");
    }
    return within("title", clean, MAX_TITLE);
  }

  private static String description(String description) throws InvalidArgumentException {
    return within("description", description.strip(), MAX_DESCRIPTION);
  }

  /** A language tag, written the standard way ({@code en-gb} becomes {@code en-GB}). */
  static String locale(String locale) throws InvalidArgumentException {
    String clean = locale.strip();
    if (!LOCALE.matcher(clean).matches()) {
      throw badLocale(clean);
    }
    try {
      return new Locale.Builder().setLanguageTag(clean).build().toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw badLocale(clean);
    }
  }

  private static InvalidArgumentException badLocale(String locale) {
    return new InvalidArgumentException(
        "locale: \"" + shorten(locale) + "\" is not a language tag such as en, en-GB or pt-BR.");
  }

  private static String image(String field, String url) throws InvalidArgumentException {
    String clean = url.strip();
    if (clean.isEmpty()) {
      return "";
    }
    within(field, clean, MAX_URL);
    if (!IMAGE.matcher(clean).matches()) {
      throw new InvalidArgumentException(
          field + ": \"" + shorten(clean) + "\" is not an http(s) URL or a path starting with /.");
    }
    return clean;
  }

  private static String colour(String colour) throws InvalidArgumentException {
    String clean = colour.strip();
    if (clean.isEmpty()) {
      return "";
    }
    if (!COLOUR.matcher(clean).matches()) {
      throw new InvalidArgumentException(
          "accentColor: \"" + shorten(clean) + "\" is not a colour written as #rrggbb.");
    }
    return clean.toLowerCase(Locale.ROOT);
  }

  private static List<NavigationItem> menu(String field, List<NavigationItem> items)
      throws InvalidArgumentException {
    if (items.size() > MAX_ITEMS) {
      throw new InvalidArgumentException(
          field + ": at most " + MAX_ITEMS + " entries (" + items.size() + " given).");
    }
    List<NavigationItem> clean = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      NavigationItem item = items.get(i);
      String at = field + "[" + i + "]";
      String label = item.label() == null ? "" : item.label().strip();
      String url = item.url() == null ? "" : item.url().strip();
      if (label.isEmpty()) {
        throw new InvalidArgumentException(at + ".label: a menu entry needs a label.");
      }
      within(at + ".label", label, MAX_LABEL);
      if (url.isEmpty()) {
        throw new InvalidArgumentException(at + ".url: a menu entry needs a URL.");
      }
      within(at + ".url", url, MAX_URL);
      if (!LINK.matcher(url).matches()) {
        throw new InvalidArgumentException(
            at
                + ".url: \""
                + shorten(url)
                + "\" is not an http(s) or mailto URL, a path starting with / or an #anchor.");
      }
      clean.add(new NavigationItem(label, url));
    }
    return clean;
  }

  private static String within(String field, String value, int max)
      throws InvalidArgumentException {
    if (value.codePointCount(0, value.length()) > max) {
      throw new InvalidArgumentException(field + ": at most " + max + " characters.");
    }
    return value;
  }

  private static String shorten(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
