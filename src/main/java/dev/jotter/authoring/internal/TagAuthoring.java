package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Role;
import dev.jotter.content.api.TagEditor;
import dev.jotter.content.api.TagView;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Tag management: editors and administrators only. Posts whose tag changes or goes are announced
 * (PostUpdated), so discovery refreshes them.
 */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class TagAuthoring {

  @Inject StaffAccounts accounts;
  @Inject TagEditor tags;

  /**
   * Up to {@code first} tags by name, internal ones too, after the tag with slug {@code after}: any
   * staff user, to pick tags for a post.
   */
  public List<TagView> page(String after, int first)
      throws UnauthenticatedException, InvalidArgumentException {
    accounts.me();
    return tags.findPage(after, first);
  }

  public TagView create(String name, String slug, String description)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    accounts.requireAtLeast(Role.EDITOR, "create tags");
    return tags.create(name, slug, description, Clock.now());
  }

  public TagView update(String slug, String name, String newSlug, String description)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    accounts.requireAtLeast(Role.EDITOR, "change tags");
    return tags.update(slug, name, newSlug, description, Clock.now());
  }

  public List<Long> delete(String slug)
      throws UnauthenticatedException, ForbiddenException, NotFoundException {
    accounts.requireAtLeast(Role.EDITOR, "delete tags");
    return tags.delete(slug);
  }
}
