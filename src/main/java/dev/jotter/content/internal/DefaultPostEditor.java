package dev.jotter.content.internal;

import dev.jotter.content.api.ContentEvent;
import dev.jotter.content.api.EditablePost;
import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostDraft;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.PostImport;
import dev.jotter.content.api.PostPosition;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostSlice;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.RenderedMarkdown;
import dev.jotter.content.api.ResponsiveImages;
import dev.jotter.content.api.StaffPostFilter;
import dev.jotter.content.api.VersionConflictException;
import dev.jotter.content.domain.Author;
import dev.jotter.content.domain.AuthorRepository;
import dev.jotter.content.domain.MarkdownRenderer;
import dev.jotter.content.domain.MarkdownTooComplexException;
import dev.jotter.content.domain.Post;
import dev.jotter.content.domain.PostRepository;
import dev.jotter.content.domain.RenderedBody;
import dev.jotter.content.domain.Slug;
import dev.jotter.content.domain.SlugLock;
import dev.jotter.content.domain.Tag;
import dev.jotter.content.domain.TagRepository;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Changes posts under the content's rules; see {@link PostEditor}. */
@ApplicationScoped
@Transactional
public class DefaultPostEditor implements PostEditor {

  @Inject PostRepository posts;
  @Inject AuthorRepository authors;
  @Inject TagRepository tags;
  @Inject SlugLock slugLock;
  @Inject ContentChanges changes;
  @Inject ResponsiveImages images;

  @Override
  public RenderedMarkdown render(String markdown, boolean hasFeatureImage)
      throws InvalidArgumentException {
    RenderedBody body;
    try {
      body = MarkdownRenderer.instance().render(markdown, images);
    } catch (MarkdownTooComplexException e) {
      throw new InvalidArgumentException("markdown: " + e.getMessage());
    }
    return new RenderedMarkdown(
        body.html(), body.headings(), body.readingTime(hasFeatureImage), body.excerpt(null));
  }

  @Override
  public Optional<EditablePost> find(long postId) {
    return posts.findById(postId).map(Views::editable);
  }

  @Override
  public Map<Long, EditablePost> find(Collection<Long> postIds) {
    Map<Long, EditablePost> found = new HashMap<>();
    for (Post post : posts.findByIds(postIds)) {
      found.put(post.id(), Views.editable(post));
    }
    return found;
  }

  @Override
  public Optional<EditablePost> findForUpdate(long postId) {
    return posts.findByIdForUpdate(postId).map(Views::editable);
  }

  @Override
  public Optional<EditablePost> findBySlug(String slug) {
    return posts.findBySlugAnyStatus(slug).map(Views::editable);
  }

  @Override
  public List<EditablePost> findAfter(long afterId, int first) {
    return posts.findAfterId(afterId, first).stream().map(Views::editable).toList();
  }

  @Override
  public void checkImport(PostImport post) throws InvalidArgumentException {
    PostDraft draft = post.draft();
    if (draft.slug() != null && !Slug.isValid(draft.slug())) {
      throw new InvalidArgumentException(
          "slug: \""
              + draft.slug()
              + "\" is not a slug: use 1 to "
              + Slug.MAX_LENGTH
              + " lowercase letters, digits and single hyphens, like my-first-post.");
    }
    if (post.status() == null || post.status() == PostStatus.TRASHED) {
      throw new InvalidArgumentException(
          "status: a post is imported as a draft, published or scheduled.");
    }
    if (post.status() == PostStatus.SCHEDULED && post.publishedAt() == null) {
      throw new InvalidArgumentException("status: a scheduled post needs the date it is due.");
    }
    if (draft.authorSlugs() == null || draft.authorSlugs().isEmpty()) {
      throw new InvalidArgumentException("authors: a post needs at least one author.");
    }
    if (new LinkedHashSet<>(draft.authorSlugs()).size() > MAX_AUTHORS) {
      throw new InvalidArgumentException(
          "authors: a post can have at most " + MAX_AUTHORS + " authors.");
    }
    if (draft.tagSlugs() != null && new LinkedHashSet<>(draft.tagSlugs()).size() > MAX_TAGS) {
      throw new InvalidArgumentException(
          "tags: a post can have at most "
              + MAX_TAGS
              + " tags; it had "
              + draft.tagSlugs().size()
              + ".");
    }
  }

  @Override
  public EditablePost saveImported(Long postId, PostImport imported, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException {
    checkImport(imported);
    PostDraft draft = imported.draft();
    List<Author> postAuthors = resolveAuthors(draft.authorSlugs());
    Post post;
    PostStatus before;
    if (postId == null) {
      String title = draft.title() == null ? "" : draft.title();
      slugLock.hold();
      Slug slug =
          draft.slug() != null
              ? freeSlug(draft.slug(), null)
              : uniqueSlug(Slug.fromTitle(title, "untitled"), null);
      post = new Post(slug, postAuthors.get(0), now);
      before = null;
    } else {
      post = posts.findByIdForUpdate(postId).orElseThrow(() -> notFound(postId));
      before = post.status();
      if (draft.slug() != null && !draft.slug().equals(post.slug())) {
        slugLock.hold();
        Slug slug = freeSlug(draft.slug(), post.id());
        posts.unretireSlug(post.id(), slug.value());
        if (before == PostStatus.PUBLISHED) {
          posts.retireSlug(post.id(), post.slug(), now);
        }
        post.rename(slug, now);
      }
    }
    setContent(
        post,
        draft.title() == null ? "" : draft.title(),
        blankToNull(draft.subtitle()),
        draft.markdown() == null ? "" : draft.markdown(),
        blankToNull(draft.customExcerpt()),
        draft.featureImage() == null || blankToNull(draft.featureImage().url()) == null
            ? null
            : draft.featureImage(),
        now);
    post.setAuthors(postAuthors);
    post.setTags(resolveTags(draft.tagSlugs() == null ? List.of() : draft.tagSlugs()));
    post.setFeatured(Boolean.TRUE.equals(draft.featured()));
    post.setSeo(PostSeo.NONE.with(draft.seo()));
    PostStatus status = imported.status();
    OffsetDateTime publishedAt = imported.publishedAt();
    if (status == PostStatus.PUBLISHED && publishedAt == null) {
      publishedAt = post.publishedAt() != null ? post.publishedAt() : now;
    }
    if (status == PostStatus.SCHEDULED && !publishedAt.isAfter(now)) {
      status = PostStatus.PUBLISHED; // its time has come: it went live when it was due
    }
    post.setImportedState(status, publishedAt, imported.createdAt());
    if (postId == null) {
      posts.save(post);
      posts.flush();
    }
    if (status == PostStatus.PUBLISHED) {
      changes.raise(
          before == PostStatus.PUBLISHED
              ? new ContentEvent.PostUpdated(post.id())
              : new ContentEvent.PostPublished(post.id()));
    } else if (status == PostStatus.SCHEDULED || before == PostStatus.SCHEDULED) {
      changes.raise(new ContentEvent.PostScheduled(post.id()));
    } else if (before == PostStatus.PUBLISHED) {
      changes.raise(new ContentEvent.PostUnpublished(post.id()));
    }
    return saved(post);
  }

  @Override
  public EditablePost create(long authorId, PostDraft draft, OffsetDateTime now)
      throws InvalidArgumentException {
    Author author =
        authors
            .findById(authorId)
            .orElseThrow(() -> new IllegalStateException("No author " + authorId));
    String title = draft.title() == null ? "" : draft.title();
    slugLock.hold();
    Slug slug =
        draft.slug() != null
            ? freeSlug(draft.slug(), null)
            : uniqueSlug(Slug.fromTitle(title, "untitled"), null);
    Post post = new Post(slug, author, now);
    setContent(
        post,
        title,
        blankToNull(draft.subtitle()),
        draft.markdown() == null ? "" : draft.markdown(),
        blankToNull(draft.customExcerpt()),
        draft.featureImage() == null || blankToNull(draft.featureImage().url()) == null
            ? null
            : draft.featureImage(),
        now);
    setRest(post, draft);
    return saved(posts.save(post));
  }

  @Override
  public EditablePost update(long postId, long expectedVersion, PostDraft draft, OffsetDateTime now)
      throws NotFoundException, VersionConflictException, InvalidArgumentException {
    Post post = posts.findByIdForUpdate(postId).orElseThrow(() -> notFound(postId));
    if (post.version() != expectedVersion) {
      throw new VersionConflictException(Views.editable(post), expectedVersion);
    }
    if (post.status() == PostStatus.TRASHED) {
      throw new InvalidArgumentException(
          "id: the post is in the trash; restore it (restorePost) before editing.");
    }
    if (draft.slug() != null && !draft.slug().equals(post.slug())) {
      slugLock.hold();
      Slug slug = freeSlug(draft.slug(), post.id());
      posts.unretireSlug(post.id(), slug.value());
      if (post.status() == PostStatus.PUBLISHED || post.status() == PostStatus.SCHEDULED) {
        if (posts.previousSlugs(List.of(post.id())).getOrDefault(post.id(), List.of()).size()
            >= MAX_PREVIOUS_SLUGS) {
          throw new InvalidArgumentException(
              "slug: this post has had "
                  + MAX_PREVIOUS_SLUGS
                  + " addresses already, each of which still finds it; keep the current one.");
        }
        posts.retireSlug(post.id(), post.slug(), now); // readers may have its old address
      }
      post.rename(slug, now);
    }
    FeatureImage image = draft.featureImage();
    setContent(
        post,
        draft.title() == null ? post.title() : draft.title(),
        draft.subtitle() == null ? post.subtitle() : blankToNull(draft.subtitle()),
        draft.markdown() == null ? post.markdown() : draft.markdown(),
        draft.customExcerpt() == null ? post.customExcerpt() : blankToNull(draft.customExcerpt()),
        image == null
            ? post.featureImage().orElse(null)
            : (image.url() == null || image.url().isBlank() ? null : image),
        now);
    setRest(post, draft);
    if (post.status() == PostStatus.PUBLISHED) {
      changes.raise(new ContentEvent.PostUpdated(post.id()));
    }
    return saved(post);
  }

  @Override
  public EditablePost publish(long postId, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException {
    Post post = changeable(postId);
    if (post.status() != PostStatus.PUBLISHED) {
      post.publish(now);
      changes.raise(new ContentEvent.PostPublished(post.id()));
    }
    return saved(post);
  }

  @Override
  public EditablePost schedule(long postId, OffsetDateTime at, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException {
    Post post = changeable(postId);
    if (!at.isAfter(now)) {
      throw new InvalidArgumentException(
          "publishAt: " + at + " is not in the future; use publishPost to publish now.");
    }
    if (post.status() == PostStatus.PUBLISHED) {
      throw new InvalidArgumentException(
          "id: the post is already published; unpublish it first to schedule it.");
    }
    post.schedule(at);
    changes.raise(new ContentEvent.PostScheduled(post.id()));
    return saved(post);
  }

  @Override
  public EditablePost unpublish(long postId, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException {
    Post post = changeable(postId);
    if (post.status() == PostStatus.DRAFT) {
      throw new InvalidArgumentException("id: the post is a draft already.");
    }
    boolean wasPublished = post.status() == PostStatus.PUBLISHED;
    post.unpublish();
    changes.raise(
        wasPublished
            ? new ContentEvent.PostUnpublished(post.id())
            : new ContentEvent.PostScheduled(post.id())); // a schedule cancelled
    return saved(post);
  }

  @Override
  public EditablePost trash(long postId, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException {
    Post post = changeable(postId);
    post.trash(now);
    changes.raise(new ContentEvent.PostDeleted(post.id()));
    return saved(post);
  }

  @Override
  public EditablePost restore(long postId, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException {
    Post post = posts.findByIdForUpdate(postId).orElseThrow(() -> notFound(postId));
    if (post.status() != PostStatus.TRASHED) {
      throw new InvalidArgumentException("id: the post is not in the trash.");
    }
    post.restore(now);
    return saved(post);
  }

  @Override
  public List<Long> publishDue(OffsetDateTime now) {
    List<Long> published = new ArrayList<>();
    for (Post post : posts.findDueForUpdate(now)) {
      post.publish(post.publishedAt()); // it went live at its scheduled time
      published.add(post.id());
      changes.raise(new ContentEvent.PostPublished(post.id()));
    }
    return published;
  }

  @Override
  public Optional<OffsetDateTime> nextScheduled() {
    return posts.nextScheduledAt();
  }

  @Override
  public List<Long> purgeTrashed(OffsetDateTime before) {
    List<Long> purged = new ArrayList<>();
    for (Post post : posts.findTrashedBefore(before)) {
      purged.add(post.id());
      posts.delete(post);
    }
    return purged;
  }

  @Override
  public PostSlice findForStaff(StaffPostFilter filter, PostPosition after, int first) {
    List<Post> page = posts.findForStaff(filter, after, first + 1);
    return new PostSlice(page.stream().limit(first).map(Views::of).toList(), page.size() > first);
  }

  @Override
  public long countForStaff(StaffPostFilter filter) {
    return posts.countForStaff(filter);
  }

  private Post changeable(long postId) throws NotFoundException, InvalidArgumentException {
    Post post = posts.findByIdForUpdate(postId).orElseThrow(() -> notFound(postId));
    if (post.status() == PostStatus.TRASHED) {
      throw new InvalidArgumentException(
          "id: the post is in the trash; restore it (restorePost) first.");
    }
    return post;
  }

  /** Writes now, so the returned view holds the new version. */
  private EditablePost saved(Post post) {
    posts.flush();
    return Views.editable(post);
  }

  private Slug freeSlug(String requested, Long postId) throws InvalidArgumentException {
    if (!Slug.isValid(requested)) {
      throw new InvalidArgumentException(
          "slug: \""
              + requested
              + "\" is not a slug: use 1 to "
              + Slug.MAX_LENGTH
              + " lowercase letters, digits and single hyphens, like my-first-post.");
    }
    if (posts.slugInUse(requested, postId)) {
      throw new InvalidArgumentException(
          "slug: \"" + requested + "\" is (or was) the address of another post; choose another.");
    }
    return new Slug(requested);
  }

  private Slug uniqueSlug(Slug base, Long postId) {
    Slug candidate = base;
    for (int n = 2; posts.slugInUse(candidate.value(), postId); n++) {
      String suffix = "-" + n;
      String stem = base.value();
      if (stem.length() + suffix.length() > Slug.MAX_LENGTH) {
        stem = stem.substring(0, Slug.MAX_LENGTH - suffix.length()).replaceAll("-+$", "");
      }
      candidate = new Slug(stem + suffix);
    }
    return candidate;
  }

  /** Tags, authors, featured and SEO: each only when the draft sets it. */
  private void setRest(Post post, PostDraft draft) throws InvalidArgumentException {
    if (draft.tagSlugs() != null) {
      post.setTags(resolveTags(draft.tagSlugs()));
    }
    if (draft.authorSlugs() != null) {
      post.setAuthors(resolveAuthors(draft.authorSlugs()));
    }
    if (draft.featured() != null) {
      post.setFeatured(draft.featured());
    }
    if (draft.seo() != null) {
      post.setSeo(post.seo().with(draft.seo()));
    }
  }

  private List<Author> resolveAuthors(List<String> slugs) throws InvalidArgumentException {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(slugs));
    if (distinct.isEmpty()) {
      throw new InvalidArgumentException("authors: a post needs at least one author.");
    }
    if (distinct.size() > MAX_AUTHORS) {
      throw new InvalidArgumentException(
          "authors: a post can have at most "
              + MAX_AUTHORS
              + " authors; it had "
              + distinct.size()
              + ".");
    }
    List<Author> resolved = new ArrayList<>();
    for (String slug : distinct) {
      Optional<Author> author = authors.findBySlug(Objects.requireNonNullElse(slug, ""));
      if (author.isEmpty()) {
        throw new InvalidArgumentException(
            "authors: there is no author \""
                + slug
                + "\"; every staff user has an author card (its slug is in staffUsers).");
      }
      resolved.add(author.get());
    }
    return resolved;
  }

  private List<Tag> resolveTags(List<String> slugs) throws InvalidArgumentException {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(slugs));
    if (distinct.size() > MAX_TAGS) {
      throw new InvalidArgumentException(
          "tags: a post can have at most " + MAX_TAGS + " tags; it had " + distinct.size() + ".");
    }
    List<Tag> resolved = new ArrayList<>();
    for (String slug : distinct) {
      Optional<Tag> tag = tags.findBySlug(Objects.requireNonNullElse(slug, ""));
      if (tag.isEmpty()) {
        throw new InvalidArgumentException(
            "tags: there is no tag \"" + slug + "\"; an editor can create it (createTag).");
      }
      resolved.add(tag.get());
    }
    return resolved;
  }

  /** Sets the content; a body the renderer refuses is the caller's bad input. */
  private void setContent(
      Post post,
      String title,
      String subtitle,
      String markdown,
      String customExcerpt,
      FeatureImage featureImage,
      OffsetDateTime now)
      throws InvalidArgumentException {
    try {
      post.setContent(title, subtitle, markdown, customExcerpt, featureImage, images, now);
    } catch (MarkdownTooComplexException e) {
      throw new InvalidArgumentException("markdown: " + e.getMessage());
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static NotFoundException notFound(long postId) {
    return new NotFoundException("id: there is no post " + postId + ".");
  }
}
