package dev.jotter.authoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jotter.content.api.PostStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ghost's staff roles: what each may do to a post and to other staff users, checked over every
 * combination against a table written out here independently of the rules' code.
 */
class PermissionsTest {

  /**
   * Whether the role may do the action, spelled out case by case rather than derived from the role
   * order.
   */
  private static boolean expectedAllowed(
      Role role, boolean own, PostStatus status, PostAction action) {
    switch (role) {
      case ADMINISTRATOR:
      case EDITOR:
        return true;
      case AUTHOR:
        return own;
      case CONTRIBUTOR:
        if (!own) {
          return false;
        }
        switch (action) {
          case PREVIEW:
          case RESTORE:
            return true;
          case EDIT:
          case DELETE:
            return status == PostStatus.DRAFT;
          case PUBLISH:
          case SCHEDULE:
          case UNPUBLISH:
            return false;
          default:
            throw new AssertionError("an action the table does not know: " + action);
        }
      default:
        throw new AssertionError("a role the table does not know: " + role);
    }
  }

  @Test
  void everyRoleOwnershipStatusAndActionIsDecidedAsGhostDoes() {
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    for (Role role : Role.values()) {
      for (boolean own : new boolean[] {true, false}) {
        for (PostStatus status : PostStatus.values()) {
          for (PostAction action : PostAction.values()) {
            cases++;
            boolean expected = expectedAllowed(role, own, status, action);
            Optional<String> refusal = Permissions.refusal(role, own, status, action);
            if (refusal.isEmpty() != expected) {
              mismatches.add(
                  role
                      + (own ? " own " : " other's ")
                      + status
                      + " "
                      + action
                      + ": expected "
                      + (expected ? "allowed" : "refused")
                      + ", got "
                      + refusal.map(r -> "refused (" + r + ")").orElse("allowed"));
            }
          }
        }
      }
    }

    assertThat(cases).isEqualTo(4 * 2 * 4 * 7);
    assertThat(mismatches).isEmpty();
  }

  /**
   * Staff lists show editors and administrators every post and the others their own: exactly the
   * posts each may see, whatever their status.
   */
  @Test
  void staffListsShowEveryonesPostsToThoseWhoMaySeeThemOnly() {
    assertThat(Permissions.seesEveryonesPosts(Role.ADMINISTRATOR)).isTrue();
    assertThat(Permissions.seesEveryonesPosts(Role.EDITOR)).isTrue();
    assertThat(Permissions.seesEveryonesPosts(Role.AUTHOR)).isFalse();
    assertThat(Permissions.seesEveryonesPosts(Role.CONTRIBUTOR)).isFalse();
    for (Role role : Role.values()) {
      for (PostStatus status : PostStatus.values()) {
        assertThat(Permissions.refusal(role, false, status, PostAction.PREVIEW).isEmpty())
            .as(role + " seeing another's " + status + " post")
            .isEqualTo(Permissions.seesEveryonesPosts(role));
        assertThat(Permissions.refusal(role, true, status, PostAction.PREVIEW))
            .as(role + " seeing their own " + status + " post")
            .isEmpty();
      }
    }
  }

  @Test
  void everyRefusalIsANonEmptySentence() {
    int refusals = 0;
    for (Role role : Role.values()) {
      for (boolean own : new boolean[] {true, false}) {
        for (PostStatus status : PostStatus.values()) {
          for (PostAction action : PostAction.values()) {
            Optional<String> refusal = Permissions.refusal(role, own, status, action);
            if (refusal.isPresent()) {
              refusals++;
              assertIsASentence(refusal.get());
            }
          }
        }
      }
    }
    assertThat(refusals).as("refusals in the whole matrix").isPositive();
  }

  @Test
  void aContributorCannotPublish() {
    assertThat(Permissions.refusal(Role.CONTRIBUTOR, true, PostStatus.DRAFT, PostAction.PUBLISH))
        .hasValueSatisfying(message -> assertThat(message).contains("publish"));
  }

  @Test
  void aContributorEditsTheirOwnDraft() {
    assertThat(Permissions.refusal(Role.CONTRIBUTOR, true, PostStatus.DRAFT, PostAction.EDIT))
        .isEmpty();
  }

  @Test
  void aContributorCannotEditTheirOwnPostOnceItIsPublished() {
    assertThat(Permissions.refusal(Role.CONTRIBUTOR, true, PostStatus.PUBLISHED, PostAction.EDIT))
        .hasValueSatisfying(message -> assertThat(message).contains("published"));
  }

  @Test
  void aContributorCannotDeleteTheirOwnScheduledPost() {
    assertThat(Permissions.refusal(Role.CONTRIBUTOR, true, PostStatus.SCHEDULED, PostAction.DELETE))
        .isPresent();
  }

  @Test
  void aContributorRestoresTheirOwnTrashedPost() {
    assertThat(Permissions.refusal(Role.CONTRIBUTOR, true, PostStatus.TRASHED, PostAction.RESTORE))
        .isEmpty();
  }

  @Test
  void aContributorCannotSeeSomeoneElsesDraft() {
    assertThat(Permissions.refusal(Role.CONTRIBUTOR, false, PostStatus.DRAFT, PostAction.PREVIEW))
        .hasValueSatisfying(message -> assertThat(message).contains("authors"));
  }

  @Test
  void anAuthorPublishesAndUnpublishesTheirOwnPost() {
    assertThat(Permissions.refusal(Role.AUTHOR, true, PostStatus.DRAFT, PostAction.PUBLISH))
        .isEmpty();
    assertThat(Permissions.refusal(Role.AUTHOR, true, PostStatus.PUBLISHED, PostAction.UNPUBLISH))
        .isEmpty();
  }

  @Test
  void anAuthorCannotEditSomeoneElsesPost() {
    assertThat(Permissions.refusal(Role.AUTHOR, false, PostStatus.PUBLISHED, PostAction.EDIT))
        .isPresent();
  }

  @Test
  void anEditorDeletesSomeoneElsesPublishedPost() {
    assertThat(Permissions.refusal(Role.EDITOR, false, PostStatus.PUBLISHED, PostAction.DELETE))
        .isEmpty();
  }

  /** Whether the actor may give a staff user (currently {@code current}) the role {@code next}. */
  private static boolean expectedStaffAllowed(Role actor, Role current, Role next) {
    switch (actor) {
      case ADMINISTRATOR:
        return true;
      case EDITOR:
        boolean currentBelowEditor =
            current == null || current == Role.CONTRIBUTOR || current == Role.AUTHOR;
        boolean nextBelowEditor = next == Role.CONTRIBUTOR || next == Role.AUTHOR;
        return currentBelowEditor && nextBelowEditor;
      case AUTHOR:
      case CONTRIBUTOR:
        return false;
      default:
        throw new AssertionError("a role the table does not know: " + actor);
    }
  }

  @Test
  void everyStaffRoleChangeIsDecidedAsGhostDoes() {
    List<Role> currents = new ArrayList<>();
    currents.add(null);
    currents.addAll(List.of(Role.values()));
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    for (Role actor : Role.values()) {
      for (Role current : currents) {
        for (Role next : Role.values()) {
          cases++;
          boolean expected = expectedStaffAllowed(actor, current, next);
          Optional<String> refusal = Permissions.staffRefusal(actor, current, next);
          if (refusal.isEmpty() != expected) {
            mismatches.add(
                actor
                    + " making "
                    + (current == null ? "a new user" : current)
                    + " into "
                    + next
                    + ": expected "
                    + (expected ? "allowed" : "refused")
                    + ", got "
                    + refusal.map(r -> "refused (" + r + ")").orElse("allowed"));
          }
          refusal.ifPresent(PermissionsTest::assertIsASentence);
        }
      }
    }

    assertThat(cases).isEqualTo(4 * 5 * 4);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void anEditorCreatesAnAuthor() {
    assertThat(Permissions.staffRefusal(Role.EDITOR, null, Role.AUTHOR)).isEmpty();
  }

  @Test
  void anEditorCannotPromoteAnAuthorToEditor() {
    assertThat(Permissions.staffRefusal(Role.EDITOR, Role.AUTHOR, Role.EDITOR))
        .hasValueSatisfying(message -> assertThat(message).contains("administrator"));
  }

  @Test
  void anEditorCannotDemoteAnotherEditor() {
    assertThat(Permissions.staffRefusal(Role.EDITOR, Role.EDITOR, Role.CONTRIBUTOR)).isPresent();
  }

  @Test
  void anAdministratorMakesAnotherAdministrator() {
    assertThat(Permissions.staffRefusal(Role.ADMINISTRATOR, Role.EDITOR, Role.ADMINISTRATOR))
        .isEmpty();
  }

  @Test
  void anAuthorCannotCreateAContributor() {
    assertThat(Permissions.staffRefusal(Role.AUTHOR, null, Role.CONTRIBUTOR)).isPresent();
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"EDITOR", "ADMINISTRATOR"})
  void editorsAndAdministratorsManageTags(Role role) {
    assertThat(Permissions.managesTags(role)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"CONTRIBUTOR", "AUTHOR"})
  void contributorsAndAuthorsDoNotManageTags(Role role) {
    assertThat(Permissions.managesTags(role)).isFalse();
  }

  private static void assertIsASentence(String message) {
    assertThat(message).isNotBlank();
    assertThat(Character.isUpperCase(message.charAt(0)))
        .as("starts with a capital: %s", message)
        .isTrue();
    assertThat(message).as("ends with a full stop").endsWith(".");
    assertThat(message).as("has no doubled spaces").doesNotContain("  ");
  }
}
