package dev.jotter.content.internal;

import dev.jotter.content.api.AuthorEditor;
import dev.jotter.content.api.AuthorProfile;
import dev.jotter.content.api.AuthorView;
import dev.jotter.content.api.ContentEvent;
import dev.jotter.content.domain.Author;
import dev.jotter.content.domain.AuthorRepository;
import dev.jotter.content.domain.Slug;
import dev.jotter.content.domain.SlugLock;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Creates authors and changes their cards. */
@ApplicationScoped
@Transactional
public class DefaultAuthorEditor implements AuthorEditor {

  @Inject AuthorRepository authors;
  @Inject SlugLock slugLock;
  @Inject ContentChanges changes;

  @Override
  public Optional<AuthorView> find(long authorId) {
    return authors.findById(authorId).map(Views::of);
  }

  @Override
  public AuthorView create(String name, OffsetDateTime now) throws InvalidArgumentException {
    if (name == null || name.isBlank()) {
      throw new InvalidArgumentException("name: an author needs a name.");
    }
    slugLock.hold();
    Slug base = Slug.fromTitle(name, "author");
    Slug slug = base;
    for (int n = 2; authors.findBySlug(slug.value()).isPresent(); n++) {
      slug = new Slug(base.value() + "-" + n);
    }
    return Views.of(authors.save(new Author(slug, name.strip(), now)));
  }

  @Override
  public AuthorView findOrCreate(String name, String slug, OffsetDateTime now)
      throws InvalidArgumentException {
    if (slug != null && !slug.isBlank()) {
      Optional<Author> bySlug = authors.findBySlug(slug);
      if (bySlug.isPresent()) {
        return Views.of(bySlug.get());
      }
    }
    if (name == null || name.isBlank()) {
      throw new InvalidArgumentException("name: an author needs a name.");
    }
    if (name.strip().length() > 191) {
      throw new InvalidArgumentException("name: an author's name has at most 191 characters.");
    }
    Optional<Author> byName = authors.findByName(name.strip());
    if (byName.isPresent()) {
      return Views.of(byName.get());
    }
    slugLock.hold();
    Slug base =
        slug != null && Slug.isValid(slug) && authors.findBySlug(slug).isEmpty()
            ? new Slug(slug)
            : Slug.fromTitle(name, "author");
    Slug candidate = base;
    for (int n = 2; authors.findBySlug(candidate.value()).isPresent(); n++) {
      candidate = new Slug(base.value() + "-" + n);
    }
    return Views.of(authors.save(new Author(candidate, name.strip(), now)));
  }

  @Override
  public AuthorView update(long authorId, AuthorProfile profile, OffsetDateTime now)
      throws NotFoundException, InvalidArgumentException {
    Author author =
        authors
            .findById(authorId)
            .orElseThrow(() -> new NotFoundException("There is no author " + authorId + "."));
    if (profile.name() != null) {
      if (profile.name().isBlank()) {
        throw new InvalidArgumentException("name: an author needs a name.");
      }
      author.rename(profile.name().strip(), now);
    }
    author.describe(
        keep(profile.bio(), author.bio()),
        keep(profile.avatarUrl(), author.avatarUrl()),
        keep(profile.website(), author.website()),
        keep(profile.location(), author.location()),
        now);
    // the card itself changed; its posts did not (what is indexed of them is the author's slug,
    // which an edit never changes), so they are not announced one by one
    changes.raise(new ContentEvent.AuthorChanged(author.id()));
    return Views.of(author);
  }

  /** null keeps the old value, "" clears it. */
  private static String keep(String update, String current) {
    if (update == null) {
      return current;
    }
    return update.isBlank() ? null : update.strip();
  }
}
