package dev.jotter.content.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A staff search's text becomes lower-case words, each once; blank text matches every post. */
class StaffPostFilterTest {

  static final Set<PostStatus> ANY = EnumSet.allOf(PostStatus.class);

  @Test
  void theTextIsSplitIntoLowerCaseWords_eachOnce() {
    assertThat(StaffPostFilter.of(ANY, null, "  Notes on\tEUROPA notes ").words())
        .containsExactly("notes", "on", "europa");
  }

  @Test
  void wildcardsAndQuotesAreWordsLikeAnyOther() {
    assertThat(StaffPostFilter.of(ANY, 7L, "100% _under' \\ !").words())
        .containsExactly("100%", "_under'", "\\", "!");
  }

  @Test
  void noTextMatchesEveryPost() {
    assertThat(StaffPostFilter.of(ANY, null, null).words()).isEmpty();
    assertThat(StaffPostFilter.of(ANY, null, " \n ").words()).isEmpty();
  }
}
