package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A staff account: its sign-in email, kept lower-case, and its status and role over time. */
class StaffUserTest {

  private static final OffsetDateTime CREATED =
      OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 0, ZoneOffset.UTC);
  private static final OffsetDateTime LATER = CREATED.plusDays(3);

  private static StaffUser ann() {
    return new StaffUser("  Ann@Example.COM ", "stored-hash", Role.AUTHOR, 7L, CREATED);
  }

  @Test
  void anEmailIsStrippedAndLowerCased() {
    assertThat(StaffUser.normalizeEmail("  Ann.Smith@Example.COM\t"))
        .isEqualTo("ann.smith@example.com");
  }

  @Test
  void anAlreadyNormalEmailIsKeptAsItIs() {
    assertThat(StaffUser.normalizeEmail("ann@example.com")).isEqualTo("ann@example.com");
  }

  @Test
  void lowerCasingDoesNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      // in a Turkish locale "I".toLowerCase() is a dotless ı
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));

      assertThat(StaffUser.normalizeEmail("INGRID@EXAMPLE.COM")).isEqualTo("ingrid@example.com");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void aNullEmailNormalizesToEmpty() {
    assertThat(StaffUser.normalizeEmail(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ann@example.com",
        "a@b.c",
        "Ann.Smith+blog@Mail.Example.ORG",
        "  ann@example.com  ",
        "o'brien@example.ie",
        "x_y-z@sub-domain.example.co.uk"
      })
  void theseLookLikeEmails(String email) {
    assertThat(StaffUser.looksLikeEmail(email)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "ann.example.com",
        "ann",
        "@example.com",
        "ann@",
        "ann@@example.com",
        "ann@ex@ample.com",
        "ann@example",
        "ann.smith@localhost",
        "ann@.com",
        "ann@example.com.",
        "ann@example.",
        "ann smith@example.com",
        "ann@exa mple.com",
        "ann\t@example.com",
        "   "
      })
  void theseDoNotLookLikeEmails(String email) {
    assertThat(StaffUser.looksLikeEmail(email)).isFalse();
  }

  @Test
  void anEmailOf254CharactersIsAcceptedAnd255IsNot() {
    String domain = "@example.com";
    String longest = "a".repeat(254 - domain.length()) + domain;
    String tooLong = "a" + longest;

    assertThat(longest).hasSize(254);
    assertThat(StaffUser.looksLikeEmail(longest)).isTrue();
    assertThat(StaffUser.looksLikeEmail(tooLong)).isFalse();
  }

  @Test
  void theLengthLimitAppliesAfterStrippingSpaces() {
    String domain = "@example.com";
    String longest = "a".repeat(254 - domain.length()) + domain;

    assertThat(StaffUser.looksLikeEmail("  " + longest + "  ")).isTrue();
  }

  @Test
  void aNewStaffUserIsActiveWithTheNormalizedEmail() {
    StaffUser ann = ann();

    assertThat(ann.email()).isEqualTo("ann@example.com");
    assertThat(ann.status()).isEqualTo(StaffStatus.ACTIVE);
    assertThat(ann.isActive()).isTrue();
    assertThat(ann.role()).isEqualTo(Role.AUTHOR);
    assertThat(ann.passwordHash()).isEqualTo("stored-hash");
    assertThat(ann.authorId()).isEqualTo(7L);
    assertThat(ann.createdAt()).isEqualTo(CREATED);
    assertThat(ann.lastLoginAt()).isNull();
    assertThat(ann.id()).as("given by the database").isNull();
  }

  @Test
  void aSuspendedStaffUserIsNotActive() {
    StaffUser ann = ann();

    ann.suspend(LATER);

    assertThat(ann.status()).isEqualTo(StaffStatus.SUSPENDED);
    assertThat(ann.isActive()).isFalse();
  }

  @Test
  void aReactivatedStaffUserIsActiveAgain() {
    StaffUser ann = ann();
    ann.suspend(LATER);

    ann.reactivate(LATER.plusHours(1));

    assertThat(ann.status()).isEqualTo(StaffStatus.ACTIVE);
    assertThat(ann.isActive()).isTrue();
  }

  @Test
  void suspendingKeepsTheRoleAndEmail() {
    StaffUser ann = ann();

    ann.suspend(LATER);

    assertThat(ann.role()).isEqualTo(Role.AUTHOR);
    assertThat(ann.email()).isEqualTo("ann@example.com");
  }

  @Test
  void changingTheRoleKeepsTheStatus() {
    StaffUser ann = ann();
    ann.suspend(LATER);

    ann.changeRole(Role.EDITOR, LATER.plusHours(1));

    assertThat(ann.role()).isEqualTo(Role.EDITOR);
    assertThat(ann.status()).isEqualTo(StaffStatus.SUSPENDED);
    assertThat(ann.createdAt()).isEqualTo(CREATED);
  }

  @Test
  void aNonBreakingSpaceIsNoPartOfAnEmail() {
    assertThat(StaffUser.looksLikeEmail("ann\u00a0smith@example.com")).isFalse();
  }
}
