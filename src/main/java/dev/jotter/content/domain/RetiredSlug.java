package dev.jotter.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A slug a post had before it was renamed: its old address, which still leads to it. */
@Entity
@Table(name = "post_slug_history")
public class RetiredSlug {

  @Id private String slug;

  @Column(name = "post_id", nullable = false)
  private long postId;

  @Column(name = "retired_at", nullable = false)
  private OffsetDateTime retiredAt;

  protected RetiredSlug() {}

  public RetiredSlug(String slug, long postId, OffsetDateTime retiredAt) {
    this.slug = slug;
    this.postId = postId;
    this.retiredAt = retiredAt;
  }

  public String slug() {
    return slug;
  }

  public long postId() {
    return postId;
  }

  public OffsetDateTime retiredAt() {
    return retiredAt;
  }
}
