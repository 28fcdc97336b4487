package dev.jotter.content.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * How long a post takes to read, with Ghost's formula: 275 words a minute plus time for each image
 * (12 s for the first, 11 s for the second, down to 3 s for the tenth and every one after it),
 * rounded to the nearest minute and never less than one.
 */
@Description(
    "How long a post takes to read (Ghost's formula: 275 words a minute plus time for images).")
public record ReadingTime(
    @Description("Whole minutes, at least 1.") int minutes,
    @Description("Words in the body.") int words,
    @Description("Images in the body, the feature image included.") int images,
    @NonNull @Description("What a reader sees, for example \"2 min read\".") String label) {

  public static final int WORDS_PER_MINUTE = 275;

  public static ReadingTime of(int words, int images) {
    if (words < 0 || images < 0) {
      throw new IllegalArgumentException("words and images cannot be negative");
    }
    double seconds = words * 60.0 / WORDS_PER_MINUTE;
    for (int i = 0; i < images; i++) {
      seconds += Math.max(12 - i, 3);
    }
    int minutes = (int) Math.max(1, Math.round(seconds / 60));
    return new ReadingTime(minutes, words, images, minutes + " min read");
  }
}
