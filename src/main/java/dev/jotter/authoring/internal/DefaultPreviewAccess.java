package dev.jotter.authoring.internal;

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
    return current.find().map(me -> PostAuthoring.mayPreview(me, post)).orElse(false);
  }

  @Override
  public Optional<Long> unpublishedScope() throws UnauthenticatedException {
    StaffUser me = current.require();
    return me.role().atLeast(Role.EDITOR) ? Optional.empty() : Optional.of(me.authorId());
  }
}
