package dev.jotter.authoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostDraft;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.ReadingTime;
import dev.jotter.content.api.TagView;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which fields of a change clash with the post as it now is, as a version conflict reports them: a
 * field is listed when the change sets it to something other than the current value.
 */
class PostAuthoringTest {

  private static final OffsetDateTime CREATED =
      OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC);

  private static final TagView NOTES = new TagView(3L, "notes", "Notes", null);
  private static final TagView JAVA = new TagView(4L, "java", "Java", null);
  private static final TagView INTERNAL = new TagView(5L, "hash-newsletter", "#newsletter", null);
  private static final FeatureImage IMAGE = new FeatureImage("/images/lake.jpg", "A lake");

  /** A post with every field set; its public tags are notes and java, plus an internal tag. */
  private static final EditablePost CURRENT =
      post("Thinking in public", "Notes on writing", "A short excerpt.", IMAGE);

  private static EditablePost post(
      String title, String subtitle, String customExcerpt, FeatureImage featureImage) {
    PostView view =
        new PostView(
            42L,
            "thinking-in-public",
            title,
            subtitle,
            "<p>Hello.</p>",
            "Hello.",
            "Hello.",
            customExcerpt,
            List.of(),
            featureImage,
            PostStatus.DRAFT,
            null,
            CREATED,
            CREATED,
            ReadingTime.of(1, 0),
            3L,
            List.of(new AuthorView(7L, "ann", "Ann", null, null, null, null)),
            List.of(NOTES, JAVA),
            false,
            PostSeo.NONE);
    return new EditablePost(view, "Hello.", List.of(NOTES, JAVA, INTERNAL), null);
  }

  private static PostDraft nothing() {
    return new PostDraft(null, null, null, null, null, null, null);
  }

  private static List<String> differing(PostDraft draft) {
    return PostAuthoring.differingFields(draft, CURRENT);
  }

  @Test
  void aChangeThatSetsNothingDiffersInNothing() {
    assertThat(differing(nothing())).isEmpty();
  }

  @Test
  void aChangeThatRepeatsEveryCurrentValueDiffersInNothing() {
    PostDraft same =
        new PostDraft(
            "Thinking in public",
            "Notes on writing",
            "Hello.",
            "A short excerpt.",
            new FeatureImage("/images/lake.jpg", "A lake"),
            List.of("notes", "java", "hash-newsletter"),
            "thinking-in-public");

    assertThat(differing(same)).isEmpty();
  }

  @Test
  void aChangeThatSetsEveryFieldDifferentlyListsThemAllInOrder() {
    PostDraft all =
        new PostDraft(
            "Thinking aloud",
            "On writing",
            "Hello, world.",
            "Another excerpt.",
            new FeatureImage("/images/sea.jpg", "The sea"),
            List.of("java"),
            "thinking-aloud");

    assertThat(differing(all))
        .containsExactly(
            "title", "subtitle", "markdown", "customExcerpt", "featureImage", "tags", "slug");
  }

  @Test
  void aDifferentTitleIsListed() {
    PostDraft draft = new PostDraft("Thinking aloud", null, null, null, null, null, null);

    assertThat(differing(draft)).containsExactly("title");
  }

  @Test
  void aTitleDifferingOnlyInCaseIsListed() {
    PostDraft draft = new PostDraft("Thinking In Public", null, null, null, null, null, null);

    assertThat(differing(draft)).containsExactly("title");
  }

  @Test
  void aDifferentSubtitleIsListed() {
    PostDraft draft = new PostDraft(null, "On writing", null, null, null, null, null);

    assertThat(differing(draft)).containsExactly("subtitle");
  }

  @Test
  void clearingTheSubtitleIsListed() {
    PostDraft draft = new PostDraft(null, "", null, null, null, null, null);

    assertThat(differing(draft)).containsExactly("subtitle");
  }

  @Test
  void clearingASubtitleThePostDoesNotHaveIsNoDifference() {
    EditablePost withoutSubtitle = post("Thinking in public", null, null, IMAGE);
    PostDraft draft = new PostDraft(null, "", null, "", null, null, null);

    assertThat(PostAuthoring.differingFields(draft, withoutSubtitle)).isEmpty();
  }

  @Test
  void settingASubtitleOnAPostWithoutOneIsListed() {
    EditablePost withoutSubtitle = post("Thinking in public", null, null, IMAGE);
    PostDraft draft = new PostDraft(null, "On writing", null, "An excerpt.", null, null, null);

    assertThat(PostAuthoring.differingFields(draft, withoutSubtitle))
        .containsExactly("subtitle", "customExcerpt");
  }

  @Test
  void differentMarkdownIsListed() {
    PostDraft draft = new PostDraft(null, null, "Hello, world.", null, null, null, null);

    assertThat(differing(draft)).containsExactly("markdown");
  }

  @Test
  void markdownIsComparedWithTheSourceNotTheRenderedHtml() {
    PostDraft draft = new PostDraft(null, null, "<p>Hello.</p>", null, null, null, null);

    assertThat(differing(draft)).containsExactly("markdown");
  }

  @Test
  void aDifferentCustomExcerptIsListed() {
    PostDraft draft = new PostDraft(null, null, null, "Another excerpt.", null, null, null);

    assertThat(differing(draft)).containsExactly("customExcerpt");
  }

  @Test
  void aFeatureImageWithAnotherUrlIsListed() {
    PostDraft draft =
        new PostDraft(
            null, null, null, null, new FeatureImage("/images/sea.jpg", "A lake"), null, null);

    assertThat(differing(draft)).containsExactly("featureImage");
  }

  @Test
  void aFeatureImageWithOtherAltTextIsListed() {
    PostDraft draft =
        new PostDraft(
            null,
            null,
            null,
            null,
            new FeatureImage("/images/lake.jpg", "A calm lake"),
            null,
            null);

    assertThat(differing(draft)).containsExactly("featureImage");
  }

  @Test
  void aFeatureImageOnAPostWithoutOneIsListed() {
    EditablePost withoutImage = post("Thinking in public", "Notes on writing", null, null);
    PostDraft draft = new PostDraft(null, null, null, null, IMAGE, null, null);

    assertThat(PostAuthoring.differingFields(draft, withoutImage)).containsExactly("featureImage");
  }

  @Test
  void theSameTagsInTheSameOrderIncludingInternalOnesAreNoDifference() {
    PostDraft draft =
        new PostDraft(
            null, null, null, null, null, List.of("notes", "java", "hash-newsletter"), null);

    assertThat(differing(draft)).isEmpty();
  }

  @Test
  void theSameTagsInAnotherOrderAreListed() {
    PostDraft draft =
        new PostDraft(
            null, null, null, null, null, List.of("java", "notes", "hash-newsletter"), null);

    assertThat(differing(draft)).containsExactly("tags");
  }

  @Test
  void leavingOutTheInternalTagIsListed() {
    PostDraft draft = new PostDraft(null, null, null, null, null, List.of("notes", "java"), null);

    assertThat(differing(draft)).containsExactly("tags");
  }

  @Test
  void removingEveryTagIsListed() {
    PostDraft draft = new PostDraft(null, null, null, null, null, List.of(), null);

    assertThat(differing(draft)).containsExactly("tags");
  }

  @Test
  void noTagsOnAPostWithoutTagsIsNoDifference() {
    EditablePost untagged = new EditablePost(CURRENT.post(), "Hello.", List.of(), null);
    PostDraft draft = new PostDraft(null, null, null, null, null, List.of(), null);

    assertThat(PostAuthoring.differingFields(draft, untagged)).isEmpty();
  }

  @Test
  void tagsAreComparedBySlugNotByName() {
    PostDraft draft =
        new PostDraft(null, null, null, null, null, List.of("Notes", "Java", "#newsletter"), null);

    assertThat(differing(draft)).containsExactly("tags");
  }

  @Test
  void aDifferentSlugIsListed() {
    PostDraft draft = new PostDraft(null, null, null, null, null, null, "thinking-aloud");

    assertThat(differing(draft)).containsExactly("slug");
  }

  @Test
  void theCurrentSlugIsNoDifference() {
    PostDraft draft = new PostDraft(null, null, null, null, null, null, "thinking-in-public");

    assertThat(differing(draft)).isEmpty();
  }

  @Test
  void onlyTheFieldsThatDifferAreListed() {
    PostDraft draft =
        new PostDraft(
            "Thinking in public",
            "On writing",
            "Hello.",
            null,
            IMAGE,
            List.of("notes"),
            "thinking-in-public");

    assertThat(differing(draft)).containsExactly("subtitle", "tags");
  }

  @Test
  void changesASaveWouldNotMakeAreNotConflicts() {
    EditablePost bare = post("Thinking in public", null, null, null);
    PostDraft noOps =
        new PostDraft(
            null,
            "   ",
            null,
            "",
            new FeatureImage("", null),
            List.of("notes", "java", "notes", "hash-newsletter"),
            null);
    assertThat(PostAuthoring.differingFields(noOps, bare)).isEmpty();
  }

  @Test
  void clearingAFieldThatHasAValueIsAConflict() {
    PostDraft clear = new PostDraft(null, "", null, " ", new FeatureImage("", null), null, null);
    assertThat(PostAuthoring.differingFields(clear, CURRENT))
        .containsExactly("subtitle", "customExcerpt", "featureImage");
  }
}
