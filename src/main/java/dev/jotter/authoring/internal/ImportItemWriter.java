package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.ImportItem;
import dev.jotter.authoring.domain.ImportJobs;
import dev.jotter.authoring.domain.Revision;
import dev.jotter.authoring.domain.RevisionRepository;
import dev.jotter.authoring.internal.ImportPlanner.Action;
import dev.jotter.authoring.internal.ImportPlanner.Plan;
import dev.jotter.content.api.AuthorEditor;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.TagEditor;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves one imported item in a transaction of its own: its missing tags and author cards, the post
 * with its original status and dates, which post the item became, and a revision. An item that
 * fails leaves nothing behind (its new tags and cards included).
 */
@ApplicationScoped
public class ImportItemWriter {

  @Inject ImportPlanner planner;
  @Inject PostEditor editor;
  @Inject TagEditor tags;
  @Inject AuthorEditor authors;
  @Inject ImportJobs jobs;
  @Inject RevisionRepository revisions;

  /** Who runs the import: the revisions name them. */
  public record Importer(long staffId, String name) {}

  @Transactional(rollbackOn = Exception.class)
  public Plan write(ImportItem item, ImportPlanner.Pass pass, Importer importer)
      throws InvalidArgumentException, NotFoundException {
    Plan plan = planner.plan(item, pass);
    if (plan.action() == Action.SKIP || plan.action() == Action.ERROR) {
      return plan;
    }
    OffsetDateTime now = Clock.now();
    List<String> tagSlugs = new ArrayList<>();
    for (ImportItem.Named tag : item.tags()) {
      tagSlugs.add(tags.findOrCreate(tag.name(), tag.slug(), now).slug());
    }
    List<String> authorSlugs = new ArrayList<>();
    for (ImportItem.Named author : item.authors()) {
      authorSlugs.add(authors.findOrCreate(author.name(), author.slug(), now).slug());
    }
    if (authorSlugs.isEmpty()) {
      authorSlugs.add(pass.importerSlug);
    }
    EditablePost saved =
        editor.saveImported(
            plan.postId(),
            ImportPlanner.draftOf(item, new ImportPlanner.Resolved(tagSlugs, authorSlugs)),
            now);
    if (item.sourceId() != null) {
      jobs.remember(pass.source(item), saved.id(), now);
    }
    revisions.save(
        new Revision(
            saved.id(),
            saved.version(),
            saved.post().title(),
            saved.markdown(),
            importer.staffId(),
            importer.name(),
            now));
    revisions.trim(saved.id(), Revision.KEPT_PER_POST);
    return plan;
  }
}
