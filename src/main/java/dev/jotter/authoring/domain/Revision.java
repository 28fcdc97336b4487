package dev.jotter.authoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One saved state of a post's content: what it said, who saved it and when. */
@Entity
@Table(name = "post_revision")
public class Revision {

  /** How many revisions are kept per post; older ones are dropped. */
  public static final int KEPT_PER_POST = 50;

  @Id
  @SequenceGenerator(
      name = "post_revision_seq",
      sequenceName = "post_revision_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_revision_seq")
  private Long id;

  @Column(name = "post_id", nullable = false)
  private long postId;

  @Column(name = "post_version", nullable = false)
  private long postVersion;

  @Column(nullable = false)
  private String title;

  @Lob
  @Column(nullable = false)
  private String markdown;

  @Column(name = "staff_user_id")
  private Long staffUserId;

  @Column(name = "author_name", nullable = false)
  private String authorName;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Revision() {}

  public Revision(
      long postId,
      long postVersion,
      String title,
      String markdown,
      Long staffUserId,
      String authorName,
      OffsetDateTime createdAt) {
    this.postId = postId;
    this.postVersion = postVersion;
    this.title = title;
    this.markdown = markdown;
    this.staffUserId = staffUserId;
    this.authorName = authorName;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public long postId() {
    return postId;
  }

  public long postVersion() {
    return postVersion;
  }

  public String title() {
    return title;
  }

  public String markdown() {
    return markdown;
  }

  public Long staffUserId() {
    return staffUserId;
  }

  public String authorName() {
    return authorName;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
