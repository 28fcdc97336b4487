package dev.jotter.content.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The URL-safe name of a post, author or tag: lowercase ASCII letters and digits joined by single
 * hyphens ({@code cafe-a-la-mode}), at most {@value #MAX_LENGTH} characters.
 */
public record Slug(String value) {

  public static final int MAX_LENGTH = 80;
  private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

  /** Letters that Unicode decomposition does not reduce to ASCII. */
  private static final Map<String, String> LIGATURES =
      Map.ofEntries(
          Map.entry("ß", "ss"),
          Map.entry("æ", "ae"),
          Map.entry("œ", "oe"),
          Map.entry("ø", "o"),
          Map.entry("ł", "l"),
          Map.entry("đ", "d"),
          Map.entry("ð", "d"),
          Map.entry("þ", "th"),
          Map.entry("ı", "i"),
          Map.entry("&", " and "));

  public Slug {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "A slug is 1 to "
              + MAX_LENGTH
              + " lowercase letters, digits and single hyphens, like my-first-post");
    }
  }

  public static boolean isValid(String candidate) {
    return candidate != null
        && candidate.length() <= MAX_LENGTH
        && VALID.matcher(candidate).matches();
  }

  /**
   * Makes a slug from a title: accents dropped ("Café à la mode" becomes {@code cafe-a-la-mode}),
   * everything else that is not a letter or digit becomes a hyphen, cut at a word boundary.
   *
   * @return the slug, or {@code fallback} when the title has no letters or digits at all
   */
  public static Slug fromTitle(String title, String fallback) {
    String text = title == null ? "" : title.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> ligature : LIGATURES.entrySet()) {
      text = text.replace(ligature.getKey(), ligature.getValue());
    }
    text = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    text = NOT_SLUG.matcher(text).replaceAll("-");
    text = trimHyphens(text);
    if (text.length() > MAX_LENGTH) {
      int cut = text.lastIndexOf('-', MAX_LENGTH);
      text = trimHyphens(text.substring(0, cut > 0 ? cut : MAX_LENGTH));
    }
    return new Slug(text.isEmpty() ? fallback : text);
  }

  private static String trimHyphens(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return value;
  }
}
