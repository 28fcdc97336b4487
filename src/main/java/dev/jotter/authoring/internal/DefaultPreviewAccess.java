package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Permissions;
import dev.jotter.authoring.domain.PostAction;
import dev.jotter.authoring.domain.Role;
import dev.jotter.authoring.domain.StaffUser;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.PreviewAccess;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Lets the content module show drafts and scheduled posts to their authors and to editors. */
@ApplicationScoped
public class DefaultPreviewAccess implements PreviewAccess {

  @Inject CurrentStaff current;

  @Override
  public boolean maySee(PostView post) {
    Optional<StaffUser> me = current.find();
    return me.isPresent()
        && Permissions.refusal(
                me.get().role(),
                post.authors().stream().anyMatch(a -> a.id() == me.get().authorId()),
                post.status(),
                PostAction.PREVIEW)
            .isEmpty();
  }

  @Override
  public Optional<Long> unpublishedScope() throws UnauthenticatedException {
    StaffUser me = current.require();
    return me.role().atLeast(Role.EDITOR) ? Optional.empty() : Optional.of(me.authorId());
  }
}
