package dev.jotter.content.internal;

import dev.jotter.content.api.ContentEvent;
import dev.jotter.content.api.TagEditor;
import dev.jotter.content.api.TagView;
import dev.jotter.content.domain.PostRepository;
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
import java.util.List;
import java.util.Optional;

/** Creates, changes and deletes tags, internal ones included. */
@ApplicationScoped
@Transactional
public class DefaultTagEditor implements TagEditor {

  @Inject TagRepository tags;
  @Inject PostRepository posts;
  @Inject SlugLock slugLock;
  @Inject ContentChanges changes;

  @Override
  public List<TagView> findAll() {
    return tags.findAll().stream().map(Views::of).toList();
  }

  @Override
  public List<TagView> findPage(String after, int first) throws InvalidArgumentException {
    Tag start = null;
    if (after != null) {
      start = tags.findBySlug(after).orElseThrow(() -> DefaultTagCatalog.noSuch("tag", after));
    }
    return tags.findPage(false, start, first).stream().map(Views::of).toList();
  }

  @Override
  public Optional<TagView> findBySlug(String slug) {
    return tags.findBySlug(slug).map(Views::of);
  }

  @Override
  public TagView create(String name, String slug, String description, OffsetDateTime now)
      throws InvalidArgumentException {
    String cleanName = requireName(name);
    slugLock.hold();
    Slug tagSlug = slug == null ? slugOf(cleanName) : requireSlug(slug);
    if (tags.findBySlug(tagSlug.value()).isPresent()) {
      throw new InvalidArgumentException("slug: there is a tag \"" + tagSlug + "\" already.");
    }
    return Views.of(tags.save(new Tag(tagSlug, cleanName, blankToNull(description), now)));
  }

  @Override
  public TagView findOrCreate(String name, String slug, OffsetDateTime now)
      throws InvalidArgumentException {
    String cleanName = requireName(name);
    if (slug != null && !slug.isBlank()) {
      Optional<Tag> bySlug = tags.findBySlug(slug);
      if (bySlug.isPresent()) {
        return Views.of(bySlug.get());
      }
    }
    Optional<Tag> byName = tags.findByName(cleanName);
    if (byName.isPresent()) {
      return Views.of(byName.get());
    }
    slugLock.hold();
    Slug tagSlug =
        slug != null && Slug.isValid(slug) && tags.findBySlug(slug).isEmpty()
            ? new Slug(slug)
            : slugOf(cleanName);
    Slug candidate = tagSlug;
    for (int n = 2; tags.findBySlug(candidate.value()).isPresent(); n++) {
      candidate = new Slug(tagSlug.value() + "-" + n);
    }
    return Views.of(tags.save(new Tag(candidate, cleanName, null, now)));
  }

  @Override
  public TagView update(
      String slug, String name, String newSlug, String description, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException {
    slugLock.hold();
    Tag tag = tags.findBySlug(slug).orElseThrow(() -> notFound(slug));
    Slug target = newSlug == null ? new Slug(tag.slug()) : requireSlug(newSlug);
    if (!target.value().equals(tag.slug()) && tags.findBySlug(target.value()).isPresent()) {
      throw new InvalidArgumentException("newSlug: there is a tag \"" + target + "\" already.");
    }
    boolean slugChanges = !target.value().equals(tag.slug());
    tag.change(
        target,
        name == null ? tag.name() : requireName(name),
        description == null ? tag.description() : blankToNull(description),
        now);
    changes.raise(new ContentEvent.TagChanged(tag.id()));
    if (slugChanges) {
      // the search index files its posts under the tag's slug: they are announced to follow it
      changes.postsUpdated(posts.findPublishedIds(true, tag.id()));
    }
    return Views.of(tag);
  }

  @Override
  public List<Long> delete(String slug) throws NotFoundException {
    Tag tag = tags.findBySlug(slug).orElseThrow(() -> notFound(slug));
    List<Long> published = posts.findPublishedIds(true, tag.id());
    tags.delete(tag);
    changes.raise(new ContentEvent.TagChanged(tag.id()));
    changes.postsUpdated(published);
    return published;
  }

  private static String requireName(String name) throws InvalidArgumentException {
    if (name == null || name.isBlank() || name.strip().equals(Tag.INTERNAL_PREFIX)) {
      throw new InvalidArgumentException("name: a tag needs a name.");
    }
    if (name.strip().length() > 191) {
      throw new InvalidArgumentException("name: at most 191 characters.");
    }
    return name.strip();
  }

  private static Slug slugOf(String name) {
    // "#newsletter" becomes "hash-newsletter", as in Ghost, so it cannot clash with "newsletter"
    return name.startsWith(Tag.INTERNAL_PREFIX)
        ? Slug.fromTitle("hash " + name.substring(1), "hash-tag")
        : Slug.fromTitle(name, "tag");
  }

  private static Slug requireSlug(String slug) throws InvalidArgumentException {
    if (!Slug.isValid(slug)) {
      throw new InvalidArgumentException(
          "slug: \""
              + slug
              + "\" is not a slug: use lowercase letters, digits and single hyphens.");
    }
    return new Slug(slug);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static NotFoundException notFound(String slug) {
    return new NotFoundException("There is no tag \"" + slug + "\".");
  }
}
