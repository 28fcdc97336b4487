package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.ImportFormat;
import dev.jotter.authoring.domain.ImportItem;
import dev.jotter.authoring.domain.ImportJobs;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostDraft;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.PostImport;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PostView;
import dev.jotter.platform.errors.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what importing an item does: create a post, update the one it made before (found by its
 * source id) or the one with its slug, skip it (unchanged, or not a post), or fail (with the
 * reason). The dry run and the run ask the same question, so the report says what the run does.
 */
@ApplicationScoped
public class ImportPlanner {

  @Inject ImportJobs jobs;
  @Inject PostEditor editor;
  @Inject PostAuthoring authoring;

  /** What happens to an item. */
  public enum Action {
    CREATE,
    UPDATE,
    SKIP,
    ERROR
  }

  /** The decision about one item; {@code postId} is the post it updates (or would skip). */
  public record Plan(Action action, String reason, Long postId) {}

  /** What one pass over a file has met so far (to refuse an item repeating another's slug). */
  public static final class Pass {
    final ImportFormat format;
    final String importerSlug;
    final Set<String> slugs = new HashSet<>();
    final Set<String> sources = new HashSet<>();

    public Pass(ImportFormat format, String importerSlug) {
      this.format = format;
      this.importerSlug = importerSlug;
    }

    String source(ImportItem item) {
      return format.name().toLowerCase(Locale.ROOT) + ":" + item.sourceId();
    }
  }

  public Plan plan(ImportItem item, Pass pass) {
    if (item.skipReason() != null) {
      return new Plan(Action.SKIP, item.skipReason(), null);
    }
    if (item.problem() != null) {
      return new Plan(Action.ERROR, item.problem(), null);
    }
    if (item.sourceId() != null && !pass.sources.add(pass.source(item))) {
      return new Plan(Action.ERROR, "another item of this file has the same id.", null);
    }
    if (item.slug() != null && !pass.slugs.add(item.slug())) {
      return new Plan(
          Action.ERROR,
          "slug: another item of this file has the slug \"" + item.slug() + "\".",
          null);
    }
    try {
      PostImport checked = draftOf(item, placeholders(item, pass));
      authoring.checkImported(checked.draft());
      editor.checkImport(checked);
    } catch (InvalidArgumentException e) {
      return new Plan(Action.ERROR, e.getMessage(), null);
    }
    Optional<EditablePost> bySource =
        item.sourceId() == null
            ? Optional.empty()
            : jobs.postOf(pass.source(item)).flatMap(editor::find);
    Optional<EditablePost> existing =
        bySource.isPresent() || item.slug() == null ? bySource : editor.findBySlug(item.slug());
    if (existing.isEmpty()) {
      return new Plan(
          Action.CREATE,
          "a new "
              + item.status().name().toLowerCase(Locale.ROOT)
              + " post"
              + (item.slug() == null ? "" : " at /p/" + item.slug())
              + ".",
          null);
    }
    EditablePost post = existing.get();
    List<String> differences = differences(post, item, pass);
    String matched = bySource.isPresent() ? "imported before as " : "matched by its slug: ";
    if (differences.isEmpty()) {
      return new Plan(
          Action.SKIP,
          "unchanged: " + matched + "/p/" + post.post().slug() + ", already as in the file.",
          post.id());
    }
    return new Plan(
        Action.UPDATE,
        matched + "/p/" + post.post().slug() + "; changes " + String.join(", ", differences) + ".",
        post.id());
  }

  /** What the content module is asked to save for an item, with its tags and authors by slug. */
  static PostImport draftOf(ImportItem item, Resolved resolved) {
    PostDraft draft =
        new PostDraft(
            item.title(),
            item.subtitle(),
            item.markdown() == null ? "" : item.markdown(),
            item.customExcerpt(),
            item.featureImage(),
            resolved.tagSlugs(),
            item.slug(),
            resolved.authorSlugs(),
            item.featured(),
            item.seo());
    return new PostImport(draft, item.status(), item.publishedAt(), item.createdAt());
  }

  /** An item's tags and authors as slugs of this blog. */
  record Resolved(List<String> tagSlugs, List<String> authorSlugs) {}

  private static Resolved placeholders(ImportItem item, Pass pass) {
    List<String> tags = item.tags().stream().map(t -> t.name()).toList();
    List<String> authors =
        item.authors().isEmpty()
            ? List.of(pass.importerSlug)
            : item.authors().stream().map(a -> a.name()).toList();
    return new Resolved(tags, authors);
  }

  /** The fields in which the post differs from the item, as the import would save it. */
  static List<String> differences(EditablePost editable, ImportItem item, Pass pass) {
    PostView post = editable.post();
    List<String> fields = new ArrayList<>();
    if (!Objects.equals(item.title(), post.title())) {
      fields.add("title");
    }
    if (item.slug() != null && !item.slug().equals(post.slug())) {
      fields.add("slug");
    }
    if (!Objects.equals(blank(item.subtitle()), post.subtitle())) {
      fields.add("subtitle");
    }
    if (!Objects.equals(item.markdown() == null ? "" : item.markdown(), editable.markdown())) {
      fields.add("markdown");
    }
    if (!Objects.equals(blank(item.customExcerpt()), post.customExcerpt())) {
      fields.add("excerpt");
    }
    PostStatus status = item.status();
    if (status == PostStatus.SCHEDULED && !item.publishedAt().isAfter(OffsetDateTime.now())) {
      status = PostStatus.PUBLISHED;
    }
    if (status != post.status()) {
      fields.add("status");
    } else if (item.publishedAt() != null
        && (post.publishedAt() == null || !item.publishedAt().isEqual(post.publishedAt()))) {
      fields.add("date");
    }
    if (!sameNames(
        item.tags(),
        editable.allTags().stream().map(t -> new String[] {t.name(), t.slug()}).toList())) {
      fields.add("tags");
    }
    List<ImportItem.Named> authors =
        item.authors().isEmpty()
            ? List.of(new ImportItem.Named(null, pass.importerSlug))
            : item.authors();
    if (!sameNames(
        authors, post.authors().stream().map(a -> new String[] {a.name(), a.slug()}).toList())) {
      fields.add("authors");
    }
    FeatureImage image =
        item.featureImage() == null || blank(item.featureImage().url()) == null
            ? null
            : item.featureImage();
    if (!Objects.equals(image, post.featureImage())) {
      fields.add("featureImage");
    }
    if (item.featured() != post.featured()) {
      fields.add("featured");
    }
    if (!PostSeo.NONE.with(item.seo()).equals(post.seo())) {
      fields.add("seo");
    }
    return fields;
  }

  /** Same length, and each named one is its counterpart by slug, or by name (letter case aside). */
  private static boolean sameNames(List<ImportItem.Named> named, List<String[]> present) {
    List<ImportItem.Named> distinct = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ImportItem.Named n : named) {
      if (seen.add((n.slug() != null ? n.slug() : n.name()).toLowerCase(Locale.ROOT))) {
        distinct.add(n);
      }
    }
    if (distinct.size() != present.size()) {
      return false;
    }
    for (int i = 0; i < distinct.size(); i++) {
      ImportItem.Named n = distinct.get(i);
      String[] p = present.get(i);
      boolean same =
          (n.slug() != null && n.slug().equals(p[1]))
              || (n.name() != null && n.name().strip().equalsIgnoreCase(p[0]));
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
