package dev.jotter.content.domain;

/** The short text shown in lists and link previews: a custom one, or the body's opening words. */
public final class Excerpt {

  /** Roughly what Ghost and link previews show. */
  public static final int DERIVED_LENGTH = 160;

  private Excerpt() {}

  /**
   * The post's excerpt: its custom excerpt when it has one, otherwise the first words of its plain
   * text, cut at a word boundary before {@link #DERIVED_LENGTH} characters and ended with an
   * ellipsis.
   */
  public static String of(String customExcerpt, String plainText) {
    if (customExcerpt != null && !customExcerpt.isBlank()) {
      return customExcerpt.strip();
    }
    return derive(plainText, DERIVED_LENGTH);
  }

  static String derive(String plainText, int maxLength) {
    String text = plainText == null ? "" : plainText.replaceAll("\\s+", " ").strip();
    if (text.length() <= maxLength) {
      return text;
    }
    int cut = text.lastIndexOf(' ', maxLength - 1);
    if (cut <= 0) {
      cut = maxLength - 1;
      if (Character.isLowSurrogate(text.charAt(cut))) {
        cut--; // never split a character outside the Basic Multilingual Plane (an emoji)
      }
    }
    String head = text.substring(0, cut);
    return head.replaceAll("[\\s\\p{Punct}&&[^)\\]\"'’”]]+$", "") + "…";
  }
}
