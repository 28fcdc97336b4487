package dev.jotter.content.internal;

import dev.jotter.content.api.ContentEvent;
import dev.jotter.platform.changes.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;

/** Announces the content's changes in the change log, in the transaction that made them. */
@ApplicationScoped
public class ContentChanges {

  @Inject ChangeLog log;

  void raise(ContentEvent event) {
    log.append(event.kind(), event.subjectId());
  }

  /** Each of these published posts changed (a tag or an author card they show). */
  void postsUpdated(Collection<Long> postIds) {
    postIds.forEach(id -> raise(new ContentEvent.PostUpdated(id)));
  }
}
