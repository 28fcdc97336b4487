package dev.jotter.content.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jotter.content.api.BlogSettings;
import dev.jotter.content.api.BlogSettings.NavigationItem;
import dev.jotter.content.api.BlogSettingsChange;
import dev.jotter.platform.errors.InvalidArgumentException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlogSettingsRulesTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 12, 0, 0, 0, ZoneOffset.UTC);
  static final BlogSettingsRules.Defaults DEFAULTS =
      new BlogSettingsRules.Defaults("Jotter", "Thinking.", "en", "https://blog.example");

  static BlogSettingsChange change(String title, String description, String locale) {
    return new BlogSettingsChange(title, description, locale, null, null, null, null, null, null);
  }

  static BlogSettingsChange menu(List<NavigationItem> navigation) {
    return new BlogSettingsChange(null, null, null, null, null, null, null, navigation, null);
  }

  static BlogSettingsChange images(String logo, String accentColor) {
    return new BlogSettingsChange(null, null, null, logo, null, null, accentColor, null, null);
  }

  @Test
  void untouchedSettingsAreTheServersDefaults() {
    BlogSettings settings = BlogSettingsRules.resolve(SavedBlogSettings.none(), DEFAULTS);
    assertThat(settings.title()).isEqualTo("Jotter");
    assertThat(settings.description()).isEqualTo("Thinking.");
    assertThat(settings.locale()).isEqualTo("en");
    assertThat(settings.url()).isEqualTo("https://blog.example");
    assertThat(settings.navigation()).isEmpty();
    assertThat(settings.logo()).isNull();
    assertThat(settings.updatedAt()).isNull();
  }

  @Test
  void whatIsSetWinsOverTheDefaultsAndWhatIsLeftOutStays() throws Exception {
    SavedBlogSettings saved =
        BlogSettingsRules.apply(
            SavedBlogSettings.none(), change("  Far Out  ", null, "en-gb"), NOW);
    saved = BlogSettingsRules.apply(saved, images("/images/ab/logo.png", "#FCA311"), NOW);
    BlogSettings settings = BlogSettingsRules.resolve(saved, DEFAULTS);
    assertThat(settings.title()).isEqualTo("Far Out");
    assertThat(settings.description()).isEqualTo("Thinking."); // never set: the default
    assertThat(settings.locale()).isEqualTo("en-GB");
    assertThat(settings.logo()).isEqualTo("/images/ab/logo.png");
    assertThat(settings.accentColor()).isEqualTo("#fca311");
    assertThat(settings.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void anEmptyStringClearsAnOptionalFieldRatherThanRestoringTheDefault() throws Exception {
    SavedBlogSettings saved =
        BlogSettingsRules.apply(SavedBlogSettings.none(), change(null, "", null), NOW);
    saved = BlogSettingsRules.apply(saved, images("", ""), NOW);
    BlogSettings settings = BlogSettingsRules.resolve(saved, DEFAULTS);
    assertThat(settings.description()).isNull();
    assertThat(settings.logo()).isNull();
    assertThat(settings.accentColor()).isNull();
  }

  @Test
  void menusKeepTheirOrderAndAreCheckedEntryByEntry() throws Exception {
    SavedBlogSettings saved =
        BlogSettingsRules.apply(
            SavedBlogSettings.none(),
            menu(
                List.of(
                    new NavigationItem(" Home ", "/"),
                    new NavigationItem("About", "/p/about"),
                    new NavigationItem("Mastodon", "https://mastodon.example/@astro"),
                    new NavigationItem("Mail", "mailto:astro@example.com"),
                    new NavigationItem("Top", "#top"))),
            NOW);
    assertThat(saved.navigation())
        .extracting(NavigationItem::label)
        .containsExactly("Home", "About", "Mastodon", "Mail", "Top");
    assertThat(BlogSettingsRules.apply(saved, menu(List.of()), NOW).navigation()).isEmpty();

    assertThatThrownBy(
            () ->
                BlogSettingsRules.apply(
                    saved,
                    menu(
                        List.of(
                            new NavigationItem("Ok", "/"),
                            new NavigationItem("Bad", "javascript:alert(1)"))),
                    NOW))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("navigation[1].url:");
    assertThatThrownBy(
            () -> BlogSettingsRules.apply(saved, menu(List.of(new NavigationItem(" ", "/"))), NOW))
        .hasMessage("navigation[0].label: a menu entry needs a label.");
    assertThatThrownBy(
            () ->
                BlogSettingsRules.apply(
                    saved, menu(Collections.nCopies(51, new NavigationItem("x", "/"))), NOW))
        .hasMessageContaining("at most 50 entries");
    assertThatThrownBy(
            () ->
                BlogSettingsRules.apply(
                    saved,
                    menu(List.of(new NavigationItem("Protocol-relative", "//evil.example"))),
                    NOW))
        .hasMessageStartingWith("navigation[0].url:");
  }

  @Test
  void badValuesAreRefusedNamingTheField() {
    SavedBlogSettings none = SavedBlogSettings.none();
    assertThatThrownBy(() -> BlogSettingsRules.apply(none, change("   ", null, null), NOW))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("title: the blog needs a title.");
    assertThatThrownBy(
            () -> BlogSettingsRules.apply(none, change("x".repeat(151), null, null), NOW))
        .hasMessage("title: at most 150 characters.");
    assertThatThrownBy(
            () -> BlogSettingsRules.apply(none, change(null, "d".repeat(501), null), NOW))
        .hasMessage("description: at most 500 characters.");
    assertThatThrownBy(
            () -> BlogSettingsRules.apply(none, change(null, null, "english please"), NOW))
        .hasMessageStartingWith("locale: \"english please\" is not a language tag");
    assertThatThrownBy(
            () -> BlogSettingsRules.apply(none, images("ftp://x.example/a.png", null), NOW))
        .hasMessageStartingWith("logo:");
    assertThatThrownBy(() -> BlogSettingsRules.apply(none, images(null, "orange"), NOW))
        .hasMessageStartingWith("accentColor:");
  }

  @Test
  void languageTagsAreWrittenTheStandardWay() throws Exception {
    assertThat(BlogSettingsRules.locale("pt-br")).isEqualTo("pt-BR");
    assertThat(BlogSettingsRules.locale("zh-hant-tw")).isEqualTo("zh-Hant-TW");
    assertThat(BlogSettingsRules.locale("de")).isEqualTo("de");
  }
}
