package dev.jotter.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeldKeysTest {

  private final HeldKeys held = new HeldKeys();

  @Test
  void nothingIsHeldAtFirst() {
    assertThat(held.anyHeld(Set.of("post:1", "Query.posts"))).isFalse();
  }

  @Test
  void anAnswerIsHeldWhenAnyOfItsKeysIs() {
    held.hold(List.of("post:1", "Query.posts"));
    assertThat(held.anyHeld(Set.of("post:1"))).isTrue();
    assertThat(held.anyHeld(Set.of("tag:3", "Query.posts"))).isTrue();
    assertThat(held.anyHeld(Set.of("post:2", "tag:3"))).isFalse();
  }

  @Test
  void holdsNestUntilEveryHolderReleased() {
    held.hold(List.of("post:1"));
    held.hold(List.of("post:1", "post:2"));
    held.release(List.of("post:1", "post:2"));
    assertThat(held.anyHeld(Set.of("post:1"))).isTrue();
    assertThat(held.anyHeld(Set.of("post:2"))).isFalse();
    held.release(List.of("post:1"));
    assertThat(held.anyHeld(Set.of("post:1"))).isFalse();
  }

  @Test
  void releasingMoreThanWasHeldFreesTheKeyAndNoMore() {
    held.release(List.of("post:1"));
    held.hold(List.of("post:1"));
    assertThat(held.anyHeld(Set.of("post:1"))).isTrue();
  }

  @Test
  void holdingEverythingHoldsEveryAnswer() {
    held.holdEverything();
    assertThat(held.anyHeld(Set.of("post:9"))).isTrue();
    assertThat(held.anyHeld(Set.of())).isTrue();
    held.releaseEverything();
    assertThat(held.anyHeld(Set.of("post:9"))).isFalse();
  }
}
