package dev.jotter.content.api;

import dev.jotter.platform.changes.Change;
import java.util.Optional;

/**
 * What the content module announces when its state changes, in the change log (appended in the same
 * transaction, by the content module itself, whoever asked for the change): the published language
 * other modules follow. A tag or an author card that changes also announces each published post it
 * appears on, as {@link PostUpdated}.
 */
public sealed interface ContentEvent {

  /** The change log's kind of this event. */
  String kind();

  /** The id of the post, tag or author it is about (1 for the blog's settings). */
  long subjectId();

  /** A post went live (published now, or its scheduled time came). */
  record PostPublished(long postId) implements ContentEvent {
    public static final String KIND = "post-published";

    public String kind() {
      return KIND;
    }

    public long subjectId() {
      return postId;
    }
  }

  /** A published post changed: its content, slug, tags, or a tag or author card it shows. */
  record PostUpdated(long postId) implements ContentEvent {
    public static final String KIND = "post-updated";

    public String kind() {
      return KIND;
    }

    public long subjectId() {
      return postId;
    }
  }

  /** A published post went back to draft. */
  record PostUnpublished(long postId) implements ContentEvent {
    public static final String KIND = "post-unpublished";

    public String kind() {
      return KIND;
    }

    public long subjectId() {
      return postId;
    }
  }

  /** A post (in any status) went to the trash. */
  record PostDeleted(long postId) implements ContentEvent {
    public static final String KIND = "post-deleted";

    public String kind() {
      return KIND;
    }

    public long subjectId() {
      return postId;
    }
  }

  /**
   * A post's schedule was set, moved or cancelled (its publication time changed while unpublished).
   */
  record PostScheduled(long postId) implements ContentEvent {
    public static final String KIND = "post-scheduled";

    public String kind() {
      return KIND;
    }

    public long subjectId() {
      return postId;
    }
  }

  /** A tag was renamed, re-described or deleted. */
  record TagChanged(long tagId) implements ContentEvent {
    public static final String KIND = "tag-changed";

    public String kind() {
      return KIND;
    }

    public long subjectId() {
      return tagId;
    }
  }

  /** An author card (name, bio, picture, links) changed. */
  record AuthorChanged(long authorId) implements ContentEvent {
    public static final String KIND = "author-changed";

    public String kind() {
      return KIND;
    }

    public long subjectId() {
      return authorId;
    }
  }

  /** The blog's settings (title, description, menus, images) changed. */
  record BlogSettingsChanged() implements ContentEvent {
    public static final String KIND = "blog-settings-changed";

    public String kind() {
      return KIND;
    }

    /** There is one blog: always 1. */
    public long subjectId() {
      return 1;
    }
  }

  /** The content event a change of the log stands for; empty for other modules' changes. */
  static Optional<ContentEvent> of(Change change) {
    long id = change.subjectId();
    return Optional.ofNullable(
        switch (change.kind()) {
          case PostPublished.KIND -> new PostPublished(id);
          case PostUpdated.KIND -> new PostUpdated(id);
          case PostUnpublished.KIND -> new PostUnpublished(id);
          case PostDeleted.KIND -> new PostDeleted(id);
          case PostScheduled.KIND -> new PostScheduled(id);
          case TagChanged.KIND -> new TagChanged(id);
          case AuthorChanged.KIND -> new AuthorChanged(id);
          case BlogSettingsChanged.KIND -> new BlogSettingsChanged();
          default -> null;
        });
  }
}
