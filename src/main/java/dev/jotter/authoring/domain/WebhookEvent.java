package dev.jotter.authoring.domain;

import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;

/**
 * What a webhook can subscribe to: the blog's events, each the change log kind the content module
 * appends, named on the wire as Ghost names its webhook events ({@code post.published}).
 */
@Description("An event of the blog a webhook can be told of.")
public enum WebhookEvent {
  @Description("A post went live (published now, or its scheduled time came).")
  POST_PUBLISHED("post.published", "post-published", "post"),
  @Description("A published post changed (content, slug, tags, or a tag or author card it shows).")
  POST_UPDATED("post.updated", "post-updated", "post"),
  @Description("A published post went back to draft.")
  POST_UNPUBLISHED("post.unpublished", "post-unpublished", "post"),
  @Description("A post went to the trash.")
  POST_DELETED("post.deleted", "post-deleted", "post"),
  @Description("A post's schedule was set, moved or cancelled.")
  POST_SCHEDULED("post.scheduled", "post-scheduled", "post"),
  @Description("A tag was renamed, re-described or deleted.")
  TAG_CHANGED("tag.changed", "tag-changed", "tag"),
  @Description("An author card changed.")
  AUTHOR_CHANGED("author.changed", "author-changed", "author"),
  @Description("The blog's settings (title, description, menus, images) changed.")
  SITE_CHANGED("site.changed", "blog-settings-changed", "blog");

  private final String wireName;
  private final String changeKind;
  private final String subject;

  WebhookEvent(String wireName, String changeKind, String subject) {
    this.wireName = wireName;
    this.changeKind = changeKind;
    this.subject = subject;
  }

  /** The name in the payload and the {@code Jotter-Event} header. */
  public String wireName() {
    return wireName;
  }

  /** What the event is about: {@code post}, {@code tag}, {@code author} or {@code blog}. */
  public String subject() {
    return subject;
  }

  /** The event a change of the log stands for; empty for changes no webhook is told of. */
  public static Optional<WebhookEvent> ofChange(String kind) {
    return Arrays.stream(values()).filter(e -> e.changeKind.equals(kind)).findFirst();
  }
}
