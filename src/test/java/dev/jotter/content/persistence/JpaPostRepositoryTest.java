package dev.jotter.content.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A staff search's words are matched literally: LIKE's wildcards and its escape are escaped. */
class JpaPostRepositoryTest {

  @Test
  void likeWildcardsInAWordAreEscaped() {
    assertThat(JpaPostRepository.likeLiteral("100%")).isEqualTo("100!%");
    assertThat(JpaPostRepository.likeLiteral("snake_case")).isEqualTo("snake!_case");
    assertThat(JpaPostRepository.likeLiteral("wow!")).isEqualTo("wow!!");
    assertThat(JpaPostRepository.likeLiteral("back\\slash")).isEqualTo("back\\slash");
    assertThat(JpaPostRepository.likeLiteral("plain")).isEqualTo("plain");
  }
}
