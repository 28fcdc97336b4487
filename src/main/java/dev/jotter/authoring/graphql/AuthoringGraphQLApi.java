package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.Revision;
import dev.jotter.authoring.domain.Role;
import dev.jotter.authoring.internal.Administration;
import dev.jotter.authoring.internal.EditOutcome;
import dev.jotter.authoring.internal.PostAuthoring;
import dev.jotter.authoring.internal.PostRevision;
import dev.jotter.authoring.internal.PreviewLinks;
import dev.jotter.authoring.internal.StaffAccounts;
import dev.jotter.authoring.internal.StaffMember;
import dev.jotter.authoring.internal.TagAuthoring;
import dev.jotter.authoring.internal.TooManyAttemptsException;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.PostOrder;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.graphql.Author;
import dev.jotter.content.graphql.Blog;
import dev.jotter.content.graphql.ContentGraphQLApi;
import dev.jotter.content.graphql.Post;
import dev.jotter.content.graphql.PostConnection;
import dev.jotter.content.graphql.Tag;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import dev.jotter.platform.graphql.ListSize;
import dev.jotter.platform.graphql.PersistedQueries;
import dev.jotter.platform.persistence.BackupNotSupportedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The staff side of the schema: signing in, writing and publishing posts, tags and staff accounts.
 * Every operation but setup and login needs {@code Authorization: Bearer <token>}; who may do what
 * is decided by the services (UNAUTHENTICATED, FORBIDDEN), never here.
 */
@GraphQLApi
@ApplicationScoped
public class AuthoringGraphQLApi {

  /** The longest page of a list (staff, tags). */
  static final int MAX_LIST = 100;

  @Inject OneSignInPerRequest signIns;
  @Inject HttpServletRequest request;
  @Inject StaffAccounts accounts;
  @Inject PostAuthoring posts;
  @Inject PreviewLinks previews;
  @Inject TagAuthoring tags;
  @Inject Administration administration;

  // --- accounts -----------------------------------------------------------------------------

  @Mutation("setup")
  @Description(
      "Claims a new blog: creates the first administrator (on the demo blog, taking over the"
          + " author astro) and signs them in. Refused (FORBIDDEN) once any staff user exists.")
  public @NonNull AuthPayload setup(
      @NonNull @Name("email") String email,
      @NonNull @Name("name") String name,
      @NonNull @Name("password") @Description("At least 10 characters.") String password)
      throws InvalidArgumentException, ForbiddenException {
    signIns.claim();
    return payload(accounts.setup(email, name, password));
  }

  @Mutation("login")
  @Description(
      "Signs in. A wrong email and a wrong password get the same error (UNAUTHENTICATED);"
          + " repeated failures on one email or from one address must wait longer each time"
          + " (TOO_MANY_ATTEMPTS). One sign-in per request.")
  public @NonNull AuthPayload login(
      @NonNull @Name("email") String email, @NonNull @Name("password") String password)
      throws UnauthenticatedException, TooManyAttemptsException, InvalidArgumentException {
    signIns.claim();
    return payload(accounts.login(email, password, request.getRemoteAddr()));
  }

  @Query("me")
  @Description("The signed-in staff user.")
  public @NonNull Staff me() throws UnauthenticatedException {
    return staff(accounts.me());
  }

  @Query("staffUsers")
  @Description("Staff users, by email: editors and administrators only.")
  @ListSize(slicingArguments = "first")
  public @NonNull List<@NonNull Staff> staffUsers(
      @Name("first") @DefaultValue("100") @Description("How many, 0 to 100.") int first,
      @Name("after") @Description("The email of the last staff user of the page before.")
          String after)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    checkFirst(first);
    List<StaffMember> all = accounts.page(after, first);
    Map<Long, AuthorView> cards = accounts.authorsOf(all);
    return all.stream().map(user -> new Staff(user, cards.get(user.authorId()))).toList();
  }

  @Mutation("createStaff")
  @Description(
      "Adds a staff user with their own author card. Editors add authors and contributors;"
          + " administrators anyone.")
  public @NonNull Staff createStaff(@NonNull @Valid @Name("input") StaffInput input)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    return staff(accounts.create(input.email, input.name, input.role, input.password));
  }

  @Mutation("changeRole")
  @Description(
      "Changes a staff user's role: editors between author and contributor, administrators"
          + " any. The last active administrator stays one.")
  public @NonNull Staff changeRole(
      @NonNull @Id @Name("id") String id, @NonNull @Name("role") Role role)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return staff(accounts.changeRole(parseId(id), role));
  }

  @Mutation("suspendStaff")
  @Description("Suspends a staff user: they cannot sign in, and their tokens stop working at once.")
  public @NonNull Staff suspendStaff(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return staff(accounts.suspend(parseId(id)));
  }

  @Mutation("reactivateStaff")
  @Description("Lets a suspended staff user sign in again.")
  public @NonNull Staff reactivateStaff(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return staff(accounts.reactivate(parseId(id)));
  }

  @Query("allAuthors")
  @Description(
      "Every author card by name, published or not: for staff choosing a post's co-authors."
          + " Needs a signed-in staff user.")
  @ListSize(slicingArguments = "first")
  public @NonNull List<@NonNull Author> allAuthors(
      @Name("first") @DefaultValue("100") @Description("How many authors, 0 to 100.") Integer first,
      @Name("after") @Description("The slug of the last author of the page before.") String after)
      throws UnauthenticatedException, InvalidArgumentException {
    int size = first == null ? MAX_LIST : first; // an explicit null: the default
    checkFirst(size);
    return accounts.authorPage(after, size).stream().map(Author::of).toList();
  }

  @Mutation("updateMyProfile")
  @Description("Changes your author card: name, bio, avatar, website, location.")
  public @NonNull Author updateMyProfile(@NonNull @Valid @Name("input") ProfileInput input)
      throws UnauthenticatedException, InvalidArgumentException {
    return Author.of(accounts.updateMyProfile(input.toProfile()));
  }

  @Mutation("changeMyPassword")
  @Description("Changes your password; tokens issued before stay valid until they expire.")
  public boolean changeMyPassword(
      @NonNull @Name("currentPassword") String currentPassword,
      @NonNull @Name("newPassword") String newPassword)
      throws UnauthenticatedException, InvalidArgumentException {
    accounts.changeMyPassword(currentPassword, newPassword);
    return true;
  }

  // --- posts --------------------------------------------------------------------------------

  @Mutation("createDraft")
  @Description("Starts a post as a draft by you; its slug is made from the title.")
  public @NonNull Post createDraft(@NonNull @Valid @Name("input") PostInput input)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    return post(posts.createDraft(input.toDraft()));
  }

  @Mutation("updatePost")
  @Description(
      "Saves a change to a post, if it is still at expectedVersion (its version when you loaded"
          + " it). Otherwise nothing is saved and the answer is an EditConflict.")
  public @NonNull UpdatePostResult updatePost(
      @NonNull @Id @Name("id") String id,
      @Name("expectedVersion") long expectedVersion,
      @NonNull @Valid @Name("input") PostInput input)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    EditOutcome outcome = posts.update(parseId(id), expectedVersion, input.toDraft());
    if (outcome instanceof EditOutcome.Conflict conflict) {
      return new EditConflict(
          "Someone else saved this post after version "
              + conflict.expectedVersion()
              + "; it is now at version "
              + conflict.current().version()
              + ". Nothing was saved.",
          conflict.expectedVersion(),
          conflict.current().version(),
          conflict.differingFields(),
          post(conflict.current()));
    }
    return new EditSaved(post(((EditOutcome.Saved) outcome).post()));
  }

  @Mutation("publishPost")
  @Description("Publishes a post now.")
  public @NonNull Post publishPost(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return post(posts.publish(parseId(id)));
  }

  @Mutation("createPreviewLink")
  @Description(
      "A signed link that shows this post (a draft, a scheduled post) to anyone who holds it,"
          + " without signing in, until it expires or the post's links are revoked: for the"
          + " post's authors and editors.")
  public @NonNull PreviewLink createPreviewLink(
      @NonNull @Id @Name("postId") String postId,
      @Name("expiresIn")
          @DefaultValue("86400")
          @Description("Seconds the link works, 1 to 2592000 (30 days); a day by default.")
          Integer expiresIn)
      throws UnauthenticatedException, NotFoundException, InvalidArgumentException {
    long seconds = expiresIn == null ? PreviewLinks.DEFAULT_SECONDS : expiresIn;
    return new PreviewLink(previews.create(parseId(postId), seconds));
  }

  @Mutation("revokePreviewLinks")
  @Description("Stops every preview link to this post made so far; returns true.")
  public boolean revokePreviewLinks(@NonNull @Id @Name("postId") String postId)
      throws UnauthenticatedException, NotFoundException, InvalidArgumentException {
    previews.revoke(parseId(postId));
    return true;
  }

  @Mutation("schedulePost")
  @Description("Publishes a post at a future time (kept across restarts).")
  public @NonNull Post schedulePost(
      @NonNull @Id @Name("id") String id,
      @NonNull @Name("publishAt") @Description("When to publish: in the future, with an offset.")
          OffsetDateTime publishAt)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return post(posts.schedule(parseId(id), publishAt));
  }

  @Mutation("unpublishPost")
  @Description("Takes a published post back to draft, or cancels a schedule.")
  public @NonNull Post unpublishPost(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return post(posts.unpublish(parseId(id)));
  }

  @Mutation("deletePost")
  @Description("Moves a post to the trash: restorable with restorePost for 30 days.")
  public @NonNull Post deletePost(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return post(posts.delete(parseId(id)));
  }

  @Mutation("restorePost")
  @Description("Takes a post out of the trash, as a draft.")
  public @NonNull Post restorePost(@NonNull @Id @Name("id") String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return post(posts.restore(parseId(id)));
  }

  @Mutation("restoreRevision")
  @Description("Puts a revision's title and markdown back; that save is a new revision.")
  public @NonNull Post restoreRevision(
      @NonNull @Id @Name("postId") String postId,
      @NonNull @Id @Name("revisionId") String revisionId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException,
          EditConflictException {
    EditOutcome outcome = posts.restoreRevision(parseId(postId), parseId(revisionId));
    if (outcome instanceof EditOutcome.Conflict conflict) {
      throw new EditConflictException(
          "Someone else saved the post meanwhile (now version "
              + conflict.current().version()
              + "); nothing was restored. Try again.");
    }
    return post(((EditOutcome.Saved) outcome).post());
  }

  @Query("staffPost")
  @Description(
      "A post in any status (draft, scheduled, published, in the trash) by id, for its authors"
          + " and for editors; null when there is none or you may not see it. Needs a signed-in"
          + " staff user.")
  public Post staffPost(@NonNull @Id @Name("id") String id)
      throws InvalidArgumentException, UnauthenticatedException {
    return posts.preview(parseId(id)).map(AuthoringGraphQLApi::post).orElse(null);
  }

  @Query("drafts")
  @ListSize(
      slicingArguments = "first",
      sizedFields = {"edges", "nodes"})
  @Description(
      "Drafts and scheduled posts, most recently edited first: your own, or everybody's for"
          + " editors and administrators. Needs a signed-in staff user.")
  public @NonNull PostConnection drafts(
      @Name("first") @DefaultValue("10") @Description("How many posts, 0 to 100.") int first,
      @Name("after") @Description("Read the posts after this cursor.") String after)
      throws InvalidArgumentException, UnauthenticatedException {
    checkFirst(first);
    PostPosition position = PostConnection.after(after, PostOrder.UPDATED_AT_DESC);
    PostAuthoring.StaffPage page = posts.drafts(position, first);
    return PostConnection.page(
        page.slice(), position, PostOrder.UPDATED_AT_DESC, page.totalCount());
  }

  @Query("staffPosts")
  @ListSize(
      slicingArguments = "first",
      sizedFields = {"edges", "nodes"})
  @Description(
      "Posts in any status for the writing app's lists, most recently edited first: those you"
          + " are among the authors of, or everybody's for editors and administrators. Needs a"
          + " signed-in staff user.")
  public @NonNull PostConnection staffPosts(
      @Name("status")
          @Description(
              "Only posts in this status; left out: every status but TRASHED (TRASHED lists the"
                  + " trash).")
          PostStatus status,
      @Name("query")
          @Description(
              "Only posts whose title or slug contains every word of it, in any case: plain"
                  + " text, never syntax; at most 200 characters.")
          String query,
      @Name("first") @DefaultValue("20") @Description("How many posts, 0 to 100.") Integer first,
      @Name("after") @Description("Read the posts after this cursor.") String after)
      throws InvalidArgumentException, UnauthenticatedException {
    int size = first == null ? 20 : first; // an explicit null: the default
    checkFirst(size);
    PostPosition position = PostConnection.after(after, PostOrder.UPDATED_AT_DESC);
    PostAuthoring.StaffPage page = posts.staffPosts(status, query, position, size);
    return PostConnection.page(
        page.slice(), position, PostOrder.UPDATED_AT_DESC, page.totalCount());
  }

  @Query("renderMarkdown")
  @Description(
      "Renders markdown exactly as saving a post would (the same sanitizing, heading anchors,"
          + " image sizes, reading time and excerpt) and saves nothing: the writing app's live"
          + " preview. Within a post's limits (size, complexity: BAD_USER_INPUT). Never cached."
          + " Needs a signed-in staff user.")
  public @NonNull MarkdownPreview renderMarkdown(
      @NonNull @Name("markdown") String markdown,
      @Name("hasFeatureImage")
          @DefaultValue("false")
          @Description("Whether the post has a feature image: it counts in the reading time.")
          Boolean hasFeatureImage)
      throws UnauthenticatedException, InvalidArgumentException {
    return new MarkdownPreview(
        posts.renderMarkdown(markdown, Boolean.TRUE.equals(hasFeatureImage)));
  }

  @Query("compareTexts")
  @Description(
      "The line diff of two texts: a revision against the one before it, your change against"
          + " what someone else saved meanwhile. Each text within a post's size and 5,000 lines"
          + " (BAD_USER_INPUT). Texts that differ in more than 4,000 lines get a correct but"
          + " coarser diff: the differing middle all removed, then all added. Needs a signed-in"
          + " staff user.")
  public @NonNull TextDiff compareTexts(
      @NonNull @Name("before") @Description("The older text (a revision, what you loaded).")
          String before,
      @NonNull @Name("after") @Description("The newer text (the next revision, your change).")
          String after)
      throws UnauthenticatedException, InvalidArgumentException {
    return new TextDiff(posts.compareTexts(before, after));
  }

  @Name("markdown")
  @Description("The Markdown source: for the post's authors and editors; null for readers.")
  public List<String> markdown(@Source List<Post> postList) {
    return forStaff(postList, p -> p.markdown());
  }

  @Name("seoSettings")
  @Description(
      "The SEO fields as the author set them (null: derived, see seo): for the post's authors"
          + " and editors; null for readers.")
  public List<PostSeo> seoSettings(@Source List<Post> postList) {
    return forStaff(postList, p -> p.post().seo());
  }

  @Name("customExcerpt")
  @Description(
      "The excerpt as the author wrote it (null: none, excerpt is then the body's first lines):"
          + " for the post's authors and editors; null for readers.")
  public List<String> customExcerpt(@Source List<Post> postList) {
    return forStaff(postList, p -> p.post().customExcerpt());
  }

  @Name("allTags")
  @ListSize(assumedSize = 15)
  @Description(
      "Every tag of the post in order, internal (#) ones too (tags shows only the public ones):"
          + " for the post's authors and editors; null for readers.")
  public List<List<@NonNull Tag>> allTags(@Source List<Post> postList) {
    return forStaff(postList, p -> p.allTags().stream().map(Tag::of).toList());
  }

  @Name("revisions")
  @ListSize(assumedSize = Revision.KEPT_PER_POST)
  @Description(
      "Saved states of the content, newest first (the last 50): for the post's authors and"
          + " editors; null for readers.")
  public List<List<@NonNull RevisionView>> revisions(@Source List<Post> postList) {
    Map<Long, List<PostRevision>> byPost = posts.revisions(ids(postList));
    return postList.stream()
        .map(
            p -> {
              List<PostRevision> list = byPost.get(p.getView().id());
              return list == null ? null : list.stream().map(RevisionView::new).toList();
            })
        .toList();
  }

  /**
   * A field only the post's authors and editors see: {@code field} of each post the caller may
   * preview, null for the others (and for readers, who cost no query).
   */
  private <T> List<T> forStaff(List<Post> postList, Function<EditablePost, T> field) {
    Map<Long, EditablePost> visible = posts.previews(ids(postList));
    return postList.stream()
        .map(p -> visible.get(p.getView().id()))
        .map(p -> p == null ? null : field.apply(p))
        .toList();
  }

  private static List<Long> ids(List<Post> postList) {
    return postList.stream().map(p -> p.getView().id()).toList();
  }

  // --- tags ---------------------------------------------------------------------------------

  @Query("allTags")
  @Description("Tags, internal (#) ones too, by name: for staff choosing a post's tags.")
  @ListSize(slicingArguments = "first")
  public @NonNull List<@NonNull Tag> allTags(
      @Name("first") @DefaultValue("100") @Description("How many tags, 0 to 100.") int first,
      @Name("after") @Description("The slug of the last tag of the page before.") String after)
      throws UnauthenticatedException, InvalidArgumentException {
    checkFirst(first);
    return tags.page(after, first).stream().map(Tag::of).toList();
  }

  private static void checkFirst(int first) throws InvalidArgumentException {
    if (first < 0 || first > MAX_LIST) {
      throw new InvalidArgumentException(
          "first must be between 0 and " + MAX_LIST + "; it was " + first + ".");
    }
  }

  @Mutation("createTag")
  @Description("Creates a tag: editors and administrators.")
  public @NonNull Tag createTag(@NonNull @Valid @Name("input") TagInput input)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    return Tag.of(tags.create(input.name, input.slug, input.description));
  }

  @Mutation("updateTag")
  @Description("Changes a tag (found by its current slug): editors and administrators.")
  public @NonNull Tag updateTag(
      @NonNull @Name("slug") String slug, @NonNull @Valid @Name("input") TagInput input)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    return Tag.of(tags.update(slug, input.name, input.slug, input.description));
  }

  @Mutation("deleteTag")
  @Description(
      "Deletes a tag and takes it off every post; returns how many published posts had it.")
  public int deleteTag(@NonNull @Name("slug") String slug)
      throws UnauthenticatedException, ForbiddenException, NotFoundException {
    return tags.delete(slug).size();
  }

  // --- the installation ---------------------------------------------------------------------

  @Mutation("updateBlogSettings")
  @Description(
      "Changes the blog's settings (title, description, locale, images, menus): administrators."
          + " Fields left out stay as they are. The feeds and the reader pages use"
          + " them at once, on every server within a poll of the change log.")
  public @NonNull Blog updateBlogSettings(@NonNull @Name("input") BlogSettingsInput input)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    return Blog.of(administration.updateBlogSettings(input.toChange()));
  }

  @Mutation("backupDatabase")
  @Description(
      "Takes an online backup of the embedded H2 database into the server's data directory"
          + " (backups/jotter-<time>.zip; the newest jotter.backup.keep are kept): administrators."
          + " On PostgreSQL, BACKUP_NOT_SUPPORTED: use pg_dump.")
  public @NonNull DatabaseBackup backupDatabase()
      throws UnauthenticatedException, ForbiddenException, BackupNotSupportedException {
    return new DatabaseBackup(administration.backupDatabase());
  }

  @Mutation("registerPersistedQueries")
  @ListSize(assumedSize = PersistedQueries.MAX_REGISTERED_AT_ONCE)
  @Description(
      "Registers GraphQL documents by their SHA-256 (Apollo's persisted queries), for the"
          + " allow-list mode in which anonymous clients run only registered documents"
          + " (JOTTER_GRAPHQL_PERSISTED_QUERIES=registered): editors and administrators. Returns the"
          + " hashes, in order; at most 100 documents at once.")
  public @NonNull List<@NonNull String> registerPersistedQueries(
      @NonNull @Name("documents") List<@NonNull String> documents)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    return administration.registerPersistedQueries(documents);
  }

  @Query("cachePurges")
  @ListSize(slicingArguments = "first")
  @Description(
      "The changes after a change id, oldest first, each with the cache tags it made stale: what"
          + " a CDN in front of Jotter should purge. Poll it with the last changeId seen: editors"
          + " and administrators.")
  public @NonNull List<@NonNull CachePurge> cachePurges(
      @Name("after") @Id @Description("A changeId; none for the oldest change kept (7 days).")
          String after,
      @Name("first") @DefaultValue("100") @Description("How many, 0 to 100.") int first)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    long position;
    try {
      position = after == null ? 0 : Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException("after: a changeId from cachePurges, such as \"42\".");
    }
    return administration.cachePurges(position, first).stream().map(CachePurge::new).toList();
  }

  // ------------------------------------------------------------------------------------------

  private AuthPayload payload(StaffAccounts.Session session) {
    return new AuthPayload(
        session.token().value(),
        session.token().expiresAt().atOffset(java.time.ZoneOffset.UTC),
        staff(session.user()));
  }

  private Staff staff(StaffMember user) {
    return new Staff(user, accounts.authorOf(user).orElseThrow());
  }

  private static Post post(EditablePost post) {
    return Post.of(post.post());
  }

  private static long parseId(String id) throws InvalidArgumentException {
    return ContentGraphQLApi.parseId(id);
  }
}
