package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.LineDiff;
import dev.jotter.authoring.domain.Permissions;
import dev.jotter.authoring.domain.PostAction;
import dev.jotter.authoring.domain.Revision;
import dev.jotter.authoring.domain.RevisionRepository;
import dev.jotter.authoring.domain.Role;
import dev.jotter.authoring.domain.StaffUser;
import dev.jotter.content.api.AuthorEditor;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostDraft;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostSlice;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.RenderedMarkdown;
import dev.jotter.content.api.StaffPostFilter;
import dev.jotter.content.api.TagView;
import dev.jotter.content.api.VersionConflictException;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Everything staff do to posts, each in one transaction: the caller's role is checked here (the
 * service layer, whatever the transport) and every content save keeps a revision. The content
 * module announces the changes themselves (in the change log), whoever asked for them.
 */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class PostAuthoring {

  /** The longest title, in characters. */
  public static final int MAX_TITLE_LENGTH = 255;

  /** An image address: none, an http(s) URL, or a path on this site (one slash, not //host). */
  public static final String IMAGE_URL = "|https?://[^\\s]+|/(?!/)[^\\s]*";

  /** How far ahead a post may be scheduled. */
  public static final int MAX_SCHEDULE_YEARS = 10;

  @Inject CurrentStaff current;
  @Inject PostEditor editor;
  @Inject AuthorEditor authors;
  @Inject RevisionRepository revisions;

  @Inject
  @ConfigProperty(name = "jotter.authoring.max-markdown-bytes", defaultValue = "1048576")
  int maxMarkdownBytes;

  public EditablePost createDraft(PostDraft draft)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    StaffUser me = current.require();
    check(draft, true);
    checkAuthors(me, null, draft);
    EditablePost post = editor.create(me.authorId(), draft, Clock.now());
    keepRevision(post, me);
    return post;
  }

  public EditOutcome update(long postId, long expectedVersion, PostDraft draft)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    StaffUser me = current.require();
    EditablePost before = authorize(postId, PostAction.EDIT);
    check(draft, false);
    checkAuthors(me, before, draft);
    return save(me, before, expectedVersion, draft);
  }

  public EditablePost publish(long postId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    EditablePost before = authorize(postId, PostAction.PUBLISH);
    requireTitle(before, "publishing");
    return editor.publish(postId, Clock.now());
  }

  public EditablePost schedule(long postId, OffsetDateTime publishAt)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    EditablePost before = authorize(postId, PostAction.SCHEDULE);
    requireTitle(before, "scheduling");
    if (publishAt.isAfter(Clock.now().plusYears(MAX_SCHEDULE_YEARS))) {
      throw new InvalidArgumentException(
          "publishAt: at most " + MAX_SCHEDULE_YEARS + " years ahead; it was " + publishAt + ".");
    }
    return editor.schedule(postId, publishAt, Clock.now());
  }

  public EditablePost unpublish(long postId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    authorize(postId, PostAction.UNPUBLISH);
    return editor.unpublish(postId, Clock.now());
  }

  public EditablePost delete(long postId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    authorize(postId, PostAction.DELETE);
    return editor.trash(postId, Clock.now());
  }

  public EditablePost restore(long postId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    authorize(postId, PostAction.RESTORE);
    return editor.restore(postId, Clock.now());
  }

  /** Puts a revision's title and markdown back: a save like any other, so a new revision. */
  public EditOutcome restoreRevision(long postId, long revisionId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    StaffUser me = current.require();
    EditablePost before = authorize(postId, PostAction.EDIT);
    Revision revision =
        revisions
            .findById(revisionId)
            .filter(r -> r.postId() == postId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "revisionId: post " + postId + " has no revision " + revisionId + "."));
    PostDraft draft =
        new PostDraft(revision.title(), null, revision.markdown(), null, null, null, null);
    return save(me, before, before.version(), draft);
  }

  /**
   * The posts the caller may see in any status (their own, or all for editors), by id, in one read;
   * the others are left out. Anonymous callers get none.
   */
  public Map<Long, EditablePost> previews(Collection<Long> postIds) {
    Optional<StaffUser> me = current.find();
    Map<Long, EditablePost> visible = new HashMap<>();
    if (me.isEmpty()) {
      return visible;
    }
    editor
        .find(postIds)
        .forEach(
            (id, post) -> {
              if (mayPreview(me.get(), post.post())) {
                visible.put(id, post);
              }
            });
    return visible;
  }

  /**
   * A post in any status, if the caller may see it (their own, or any for editors); empty for posts
   * they may not see, so a writer cannot tell someone else's draft exists.
   *
   * @throws UnauthenticatedException when nobody (valid) is signed in
   */
  public Optional<EditablePost> preview(long postId) throws UnauthenticatedException {
    current.require();
    return Optional.ofNullable(previews(List.of(postId)).get(postId));
  }

  /**
   * A page of drafts and scheduled posts, most recently edited first: the caller's own, or
   * everybody's for editors and administrators.
   */
  public StaffPage drafts(PostPosition after, int first) throws UnauthenticatedException {
    return staffPage(
        current.require(), EnumSet.of(PostStatus.DRAFT, PostStatus.SCHEDULED), null, after, first);
  }

  /** The longest search text of a staff list, in characters. */
  public static final int MAX_QUERY_LENGTH = 200;

  /**
   * A page of posts, most recently edited first, for the writing app's lists: those the caller is
   * among the authors of, or everybody's for editors and administrators ({@link
   * Permissions#seesEveryonesPosts}).
   *
   * @param status only posts in this status; null for every status but the trash
   * @param query only posts whose title or slug contains each of its words, in any case; null or
   *     blank for all
   */
  public StaffPage staffPosts(PostStatus status, String query, PostPosition after, int first)
      throws UnauthenticatedException, InvalidArgumentException {
    StaffUser me = current.require();
    if (query != null && query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidArgumentException(
          "query: at most " + MAX_QUERY_LENGTH + " characters; it had " + query.length() + ".");
    }
    Set<PostStatus> statuses =
        status == null ? EnumSet.complementOf(EnumSet.of(PostStatus.TRASHED)) : EnumSet.of(status);
    return staffPage(me, statuses, query, after, first);
  }

  private StaffPage staffPage(
      StaffUser me, Set<PostStatus> statuses, String query, PostPosition after, int first) {
    Long authorId = Permissions.seesEveryonesPosts(me.role()) ? null : me.authorId();
    StaffPostFilter filter = StaffPostFilter.of(statuses, authorId, query);
    return new StaffPage(
        editor.findForStaff(filter, after, first), () -> editor.countForStaff(filter));
  }

  /** A page of posts and, computed only when asked for, how many the whole list holds. */
  public record StaffPage(PostSlice slice, LongSupplier totalCount) {}

  /**
   * The revisions, newest first, of the posts the caller may see in any status; the others are left
   * out. Two reads whatever the number of posts.
   */
  public Map<Long, List<PostRevision>> revisions(Collection<Long> postIds) {
    Map<Long, List<PostRevision>> byPost = new HashMap<>();
    Set<Long> visible = previews(postIds).keySet();
    if (!visible.isEmpty()) {
      Map<Long, List<Revision>> found = revisions.findByPosts(visible);
      for (Long id : visible) {
        byPost.put(id, found.getOrDefault(id, List.of()).stream().map(PostRevision::of).toList());
      }
    }
    return byPost;
  }

  /**
   * What saving this markdown would show (HTML, headings, reading time, excerpt), computed exactly
   * as a save computes it, saving nothing: any signed-in staff user, within a post's size and the
   * renderer's limits.
   */
  public RenderedMarkdown renderMarkdown(String markdown, boolean hasFeatureImage)
      throws UnauthenticatedException, InvalidArgumentException {
    current.require();
    checkMarkdownSize("markdown", markdown);
    return editor.render(markdown, hasFeatureImage);
  }

  /**
   * The line diff of two texts (a revision and the one before it, a save and what someone else
   * saved meanwhile): any signed-in staff user; each text within a post's size and {@link
   * LineDiff#MAX_LINES} lines. Its cost is bounded whatever the texts (see {@link LineDiff}).
   */
  public LineDiff compareTexts(String before, String after)
      throws UnauthenticatedException, InvalidArgumentException {
    current.require();
    checkMarkdownSize("before", before);
    checkMarkdownSize("after", after);
    checkLines("before", before);
    checkLines("after", after);
    return LineDiff.of(before, after);
  }

  private static void checkLines(String field, String text) throws InvalidArgumentException {
    int lines = LineDiff.lines(text).size();
    if (lines > LineDiff.MAX_LINES) {
      throw new InvalidArgumentException(
          field
              + ": the text has "
              + lines
              + " lines; at most "
              + LineDiff.MAX_LINES
              + " can be compared.");
    }
  }

  /** Publishes the scheduled posts whose time has come; called by the scheduler. */
  @Transactional
  public List<Long> publishDue() {
    return editor.publishDue(Clock.now());
  }

  /** Deletes for good the posts that have been in the trash for more than 30 days. */
  @Transactional
  public List<Long> purgeTrash() {
    return editor.purgeTrashed(Clock.now().minusDays(30));
  }

  public Optional<OffsetDateTime> nextScheduled() {
    return editor.nextScheduled();
  }

  private EditOutcome save(StaffUser me, EditablePost before, long expectedVersion, PostDraft draft)
      throws NotFoundException, InvalidArgumentException {
    EditablePost after;
    try {
      after = editor.update(before.id(), expectedVersion, draft, Clock.now());
    } catch (VersionConflictException e) {
      return new EditOutcome.Conflict(
          e.current(), expectedVersion, differingFields(draft, e.current()));
    }
    keepRevision(after, me);
    return new EditOutcome.Saved(after);
  }

  /**
   * Loads the post, locking its row for the rest of the transaction, and checks the caller may do
   * the action.
   */
  private EditablePost authorize(long postId, PostAction action)
      throws UnauthenticatedException, NotFoundException, ForbiddenException {
    StaffUser me = current.require();
    EditablePost post =
        editor
            .findForUpdate(postId)
            .orElseThrow(() -> new NotFoundException("id: there is no post " + postId + "."));
    Optional<String> refusal =
        Permissions.refusal(me.role(), isOwn(me, post), post.status(), action);
    if (refusal.isPresent()) {
      throw new ForbiddenException(refusal.get());
    }
    return post;
  }

  private static void requireTitle(EditablePost post, String doing)
      throws InvalidArgumentException {
    if (post.post().title().isBlank()) {
      throw new InvalidArgumentException("id: give the post a title before " + doing + " it.");
    }
  }

  /** Whether the staff user may see the post whatever its status (own posts, or editors). */
  static boolean mayPreview(StaffUser me, PostView post) {
    return Permissions.refusal(me.role(), isOwn(me, post), post.status(), PostAction.PREVIEW)
        .isEmpty();
  }

  private static boolean isOwn(StaffUser me, EditablePost post) {
    return isOwn(me, post.post());
  }

  private static boolean isOwn(StaffUser me, PostView post) {
    return post.authors().stream().anyMatch(a -> a.id() == me.authorId());
  }

  /**
   * Whether a post brought by an import keeps the rules a new draft keeps (title, body size, image
   * and SEO fields, counts of tags and authors).
   */
  public void checkImported(PostDraft draft) throws InvalidArgumentException {
    check(draft, true);
  }

  private void check(PostDraft draft, boolean creating) throws InvalidArgumentException {
    if (creating || draft.title() != null) {
      if (draft.title() == null || draft.title().isBlank()) {
        throw new InvalidArgumentException("title: a post needs a title.");
      }
      if (draft.title().length() > MAX_TITLE_LENGTH) {
        throw new InvalidArgumentException(
            "title: at most "
                + MAX_TITLE_LENGTH
                + " characters; it has "
                + draft.title().length()
                + ".");
      }
    }
    if (draft.markdown() != null) {
      checkMarkdownSize("markdown", draft.markdown());
    }
    if (draft.featureImage() != null
        && draft.featureImage().url() != null
        && !draft.featureImage().url().isBlank()
        && !draft.featureImage().url().matches(IMAGE_URL)) {
      throw new InvalidArgumentException(
          "featureImage.url: an http(s) URL or a path on this site starting with /.");
    }
    checkSeo(draft.seo());
    if (draft.authorSlugs() != null && draft.authorSlugs().size() > PostEditor.MAX_AUTHORS) {
      throw new InvalidArgumentException(
          "authors: a post can have at most "
              + PostEditor.MAX_AUTHORS
              + " authors; it had "
              + draft.authorSlugs().size()
              + ".");
    }
    if (draft.tagSlugs() != null && draft.tagSlugs().size() > PostEditor.MAX_TAGS) {
      throw new InvalidArgumentException(
          "tags: a post can have at most "
              + PostEditor.MAX_TAGS
              + " tags; it had "
              + draft.tagSlugs().size()
              + ".");
    }
  }

  /**
   * Ghost's rule for who may name whom: editors and administrators set any authors; contributors
   * and authors may add and remove co-authors, but a new post's primary author is themselves, an
   * existing post keeps its primary author, and they stay among its authors.
   *
   * @param before the post being changed; null for a new one
   */
  private void checkAuthors(StaffUser me, EditablePost before, PostDraft draft)
      throws ForbiddenException {
    if (draft.authorSlugs() == null
        || draft.authorSlugs().isEmpty()
        || me.role().atLeast(Role.EDITOR)) {
      return; // an empty list is refused by the content's own rules
    }
    String mine = authors.find(me.authorId()).map(AuthorView::slug).orElse("");
    String primary = before == null ? mine : before.post().primaryAuthor().slug();
    if (!primary.equals(draft.authorSlugs().get(0))) {
      throw new ForbiddenException(
          before == null
              ? "authors: your own author card ("
                  + mine
                  + ") comes first on a post you create;"
                  + " only editors may make someone else its primary author."
              : "authors: the primary author ("
                  + primary
                  + ") stays first; only editors may"
                  + " change it.");
    }
    if (!draft.authorSlugs().contains(mine)) {
      throw new ForbiddenException(
          "authors: you cannot take yourself (" + mine + ") off the post; an editor can.");
    }
  }

  /** A body no larger than a post may hold (jotter.authoring.max-markdown-bytes). */
  private void checkMarkdownSize(String field, String markdown) throws InvalidArgumentException {
    int bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxMarkdownBytes) {
      throw new InvalidArgumentException(
          field
              + (field.equals("markdown") ? ": the body is " : ": the text is ")
              + bytes
              + " bytes; the most a post may hold is "
              + maxMarkdownBytes
              + " bytes (jotter.authoring.max-markdown-bytes).");
    }
  }

  /** The longest SEO titles and descriptions, and what its URLs may be. */
  private static void checkSeo(PostSeo seo) throws InvalidArgumentException {
    if (seo == null) {
      return;
    }
    for (String[] title :
        new String[][] {
          {"metaTitle", seo.metaTitle()},
          {"ogTitle", seo.ogTitle()},
          {"twitterTitle", seo.twitterTitle()}
        }) {
      tooLong("seo." + title[0], title[1], PostSeo.MAX_TITLE);
    }
    for (String[] text :
        new String[][] {
          {"metaDescription", seo.metaDescription()},
          {"ogDescription", seo.ogDescription()},
          {"twitterDescription", seo.twitterDescription()}
        }) {
      tooLong("seo." + text[0], text[1], PostSeo.MAX_DESCRIPTION);
    }
    if (seo.canonicalUrl() != null
        && !seo.canonicalUrl().isEmpty()
        && !seo.canonicalUrl().matches(CANONICAL_URL)) {
      throw new InvalidArgumentException("seo.canonicalUrl: an absolute http(s) URL.");
    }
    for (String[] image :
        new String[][] {{"ogImage", seo.ogImage()}, {"twitterImage", seo.twitterImage()}}) {
      if (image[1] != null && !image[1].isEmpty() && !image[1].matches(IMAGE_URL)) {
        throw new InvalidArgumentException(
            "seo." + image[0] + ": an http(s) URL or a path on this site starting with /.");
      }
      tooLong("seo." + image[0], image[1], MAX_URL);
    }
    tooLong("seo.canonicalUrl", seo.canonicalUrl(), MAX_URL);
  }

  private static void tooLong(String field, String value, int max) throws InvalidArgumentException {
    if (value != null && value.length() > max) {
      throw new InvalidArgumentException(
          field + ": at most " + max + " characters; it has " + value.length() + ".");
    }
  }

  /** An absolute http(s) URL, as a canonical link must be. */
  public static final String CANONICAL_URL = "https?://[^\\s]+";

  /** The longest URL a post keeps (feature image, canonical, social images). */
  public static final int MAX_URL = 2048;

  private void keepRevision(EditablePost post, StaffUser me) {
    String name = authors.find(me.authorId()).map(AuthorView::name).orElse(me.email());
    revisions.save(
        new Revision(
            post.id(),
            post.version(),
            post.post().title(),
            post.markdown(),
            me.id(),
            name,
            post.post().updatedAt()));
    revisions.trim(post.id(), Revision.KEPT_PER_POST);
  }

  /**
   * The fields of a change that would change the post as it now is (as a save would store them:
   * blank texts as none, an image without URL as none, tags without repeats).
   */
  static List<String> differingFields(PostDraft draft, EditablePost current) {
    List<String> fields = new ArrayList<>();
    differs(fields, "title", draft.title(), current.post().title());
    differsClearable(fields, "subtitle", draft.subtitle(), current.post().subtitle());
    differs(fields, "markdown", draft.markdown(), current.markdown());
    differsClearable(
        fields, "customExcerpt", draft.customExcerpt(), current.post().customExcerpt());
    if (draft.featureImage() != null) {
      FeatureImage wanted =
          blankToNull(draft.featureImage().url()) == null ? null : draft.featureImage();
      if (!Objects.equals(wanted, current.post().featureImage())) {
        fields.add("featureImage");
      }
    }
    if (draft.tagSlugs() != null
        && !List.copyOf(new LinkedHashSet<>(draft.tagSlugs()))
            .equals(current.allTags().stream().map(TagView::slug).toList())) {
      fields.add("tags");
    }
    differs(fields, "slug", draft.slug(), current.post().slug());
    return fields;
  }

  /** For texts a blank value clears: listed when the stored value would change. */
  private static void differsClearable(
      List<String> fields, String name, String change, String current) {
    if (change != null && !Objects.equals(blankToNull(change), current)) {
      fields.add(name);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** A field is listed when the change sets it (a blank text: clears it) to another value. */
  private static void differs(List<String> fields, String name, String change, String current) {
    if (change != null && !change.equals(Objects.requireNonNullElse(current, ""))) {
      fields.add(name);
    }
  }
}
