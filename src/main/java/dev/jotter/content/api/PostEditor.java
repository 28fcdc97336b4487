package dev.jotter.content.api;

import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes posts. Who may do what is decided by the caller (authoring); this keeps the content's own
 * rules: unique slugs with history, known tags, derived HTML, excerpt and reading time on every
 * save, and optimistic versions. Every method joins the caller's transaction.
 */
public interface PostEditor {

  /** The most tags a post may have. */
  int MAX_TAGS = 15;

  /** The most authors a post may have. */
  int MAX_AUTHORS = 10;

  /** The most earlier slugs a post keeps (renames beyond are refused). */
  int MAX_PREVIOUS_SLUGS = 50;

  /** The most section headings a post may have. */
  int MAX_HEADINGS = 100;

  /**
   * What saving this markdown would derive (HTML, headings, reading time, excerpt), computed as a
   * save computes it and saving nothing: for a live preview.
   *
   * @param hasFeatureImage whether the post has a feature image (it counts in the reading time)
   * @throws InvalidArgumentException when the body passes one of the renderer's limits, as on save
   */
  RenderedMarkdown render(String markdown, boolean hasFeatureImage) throws InvalidArgumentException;

  /** A post in any status, trashed ones included. */
  Optional<EditablePost> find(long postId);

  /** Posts in any status by id, in one read (three statements); unknown ids are left out. */
  Map<Long, EditablePost> find(Collection<Long> postIds);

  /**
   * The same, its row locked until the transaction ends: read it first in a transaction that will
   * change the post, so checks made on it still hold when the change is written.
   */
  Optional<EditablePost> findForUpdate(long postId);

  /**
   * A new draft by one author, its slug made from the title and unique.
   *
   * @throws InvalidArgumentException for unknown tags, too many tags, or a slug that is taken
   */
  EditablePost create(long authorId, PostDraft draft, OffsetDateTime now)
      throws InvalidArgumentException;

  /**
   * Changes a post if it is still at {@code expectedVersion}. The row is locked while it is
   * compared and written, so of two racing changes exactly one wins and the other gets the
   * conflict.
   */
  EditablePost update(long postId, long expectedVersion, PostDraft draft, OffsetDateTime now)
      throws NotFoundException, VersionConflictException, InvalidArgumentException;

  EditablePost publish(long postId, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException;

  EditablePost schedule(long postId, OffsetDateTime at, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException;

  /** Back to draft: from published, or cancelling a schedule. */
  EditablePost unpublish(long postId, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException;

  EditablePost trash(long postId, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException;

  /** Out of the trash, as a draft. */
  EditablePost restore(long postId, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException;

  /** Publishes every scheduled post whose time has come; returns their ids. */
  List<Long> publishDue(OffsetDateTime now);

  /** When the next scheduled post is due, if any is. */
  Optional<OffsetDateTime> nextScheduled();

  /** Deletes for good the posts trashed before {@code before}; returns their ids. */
  List<Long> purgeTrashed(OffsetDateTime before);

  /**
   * A page of the posts a staff list shows, in any status the filter names, most recently edited
   * first ({@link PostOrder#UPDATED_AT_DESC}); their authors and tags are read for the whole page
   * at once.
   */
  PostSlice findForStaff(StaffPostFilter filter, PostPosition after, int first);

  /** How many posts a staff list holds. */
  long countForStaff(StaffPostFilter filter);

  /** A post in any status (trashed ones included) by its current slug. */
  Optional<EditablePost> findBySlug(String slug);

  /**
   * Up to {@code first} posts that are not in the trash, by id ascending, after {@code afterId}: an
   * export reads the whole blog a page at a time.
   */
  List<EditablePost> findAfter(long afterId, int first);

  /**
   * Whether {@link #saveImported} would refuse this post for its own fields alone (slug, status and
   * dates, counts of tags and authors), before anything is looked up or written.
   *
   * @throws InvalidArgumentException saying which field is wrong
   */
  void checkImport(PostImport post) throws InvalidArgumentException;

  /**
   * Creates ({@code postId} null) or overwrites a post from another blog with its original status,
   * slug and dates. The change is announced as an edit would be: published, updated, scheduled or
   * unpublished.
   *
   * @throws InvalidArgumentException as {@link #create} and {@link #checkImport}, or when the slug
   *     belongs to another post
   */
  EditablePost saveImported(Long postId, PostImport post, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException;
}
