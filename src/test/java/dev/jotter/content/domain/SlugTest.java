package dev.jotter.content.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

  @Test
  void accentsAreDroppedFromATitle() {
    assertThat(Slug.fromTitle("Café à la mode", "post").value()).isEqualTo("cafe-a-la-mode");
  }

  @Test
  void lettersWithoutADecompositionAndAmpersandsAreSpelledOut() {
    assertThat(Slug.fromTitle("Straße & Smørrebrød", "post").value())
        .isEqualTo("strasse-and-smorrebrod");
  }

  @Test
  void punctuationAndSpacesCollapseToSingleHyphensWithoutHyphensAtTheEnds() {
    assertThat(Slug.fromTitle("  --Hello,   World!!! -- (again)?  ", "post").value())
        .isEqualTo("hello-world-again");
  }

  @Test
  void digitsAreKept() {
    assertThat(Slug.fromTitle("Top 10 Tips for 2024", "post").value())
        .isEqualTo("top-10-tips-for-2024");
  }

  @Test
  void aLongTitleIsCutAtAHyphenToAtMost80Characters() {
    List<String> words = new ArrayList<>();
    String[] pool = {"thinking", "in", "public", "is", "a", "habit", "worth", "keeping"};
    for (int i = 0; words.stream().mapToInt(w -> w.length() + 1).sum() <= 200; i++) {
      words.add(pool[i % pool.length]);
    }
    String title = String.join(" ", words);
    String full = String.join("-", words);
    assertThat(title).hasSizeGreaterThanOrEqualTo(200);

    String slug = Slug.fromTitle(title, "post").value();

    assertThat(slug).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH).hasSizeGreaterThan(60);
    assertThat(full).startsWith(slug);
    assertThat(full.charAt(slug.length())).as("character after the cut").isEqualTo('-');
    assertThat(Slug.isValid(slug)).isTrue();
  }

  @Test
  void aLongTitleWithoutWordBreaksIsCutAt80Characters() {
    String slug = Slug.fromTitle("a".repeat(200), "post").value();

    assertThat(slug).isEqualTo("a".repeat(80));
  }

  @ParameterizedTest
  @ValueSource(strings = {"!!! ??? ***", "🎉🚀✨", "— … —", "   "})
  void aTitleWithoutLettersOrDigitsGivesTheFallback(String title) {
    assertThat(Slug.fromTitle(title, "post").value()).isEqualTo("post");
  }

  @Test
  void aNullTitleGivesTheFallback() {
    assertThat(Slug.fromTitle(null, "untitled").value()).isEqualTo("untitled");
  }

  @Test
  void anInvalidFallbackIsRejected() {
    assertThatThrownBy(() -> Slug.fromTitle("???", "Not A Slug"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSlugWithUppercaseLettersAndASpaceIsRejected() {
    assertThatThrownBy(() -> new Slug("Bad Slug"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("my-first-post");
  }

  @Test
  void aNullSlugIsRejected() {
    assertThatThrownBy(() -> new Slug(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aValidSlugKeepsItsValueAndPrintsAsIt() {
    Slug slug = new Slug("my-first-post");

    assertThat(slug.value()).isEqualTo("my-first-post");
    assertThat(slug).hasToString("my-first-post");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "post", "my-first-post", "2024", "top-10-tips", "x1-y2-z3"})
  void lowercaseLettersAndDigitsJoinedBySingleHyphensAreValid(String candidate) {
    assertThat(Slug.isValid(candidate)).isTrue();
  }

  @Test
  void exactly80CharactersIsValidAnd81IsNot() {
    assertThat(Slug.isValid("a".repeat(80))).isTrue();
    assertThat(Slug.isValid("a".repeat(81))).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "-post",
        "post-",
        "my--post",
        "My-Post",
        "my post",
        "my_post",
        "café",
        "post!",
        "-",
        " post"
      })
  void anythingElseIsNotValid(String candidate) {
    assertThat(Slug.isValid(candidate)).isFalse();
  }
}
