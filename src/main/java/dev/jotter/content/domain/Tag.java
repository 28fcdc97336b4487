package dev.jotter.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A label on posts. The first public tag of a post is its category ("AI"). A tag whose name starts
 * with {@code #} is internal: for organising, never shown to readers (as in Ghost).
 */
@Entity
@Table(name = "tag")
@NamedQuery(name = "Tag.findBySlug", query = "select t from Tag t where t.slug = :slug")
@NamedQuery(
    name = "Tag.findPublic",
    query = "select t from Tag t where t.name not like '#%' order by t.name, t.id")
public class Tag {

  public static final String INTERNAL_PREFIX = "#";

  @Id
  @SequenceGenerator(name = "tag_seq", sequenceName = "tag_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_seq")
  private Long id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(nullable = false)
  private String name;

  private String description;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected Tag() {}

  public Tag(Slug slug, String name, String description, OffsetDateTime now) {
    this.slug = slug.value();
    this.name = name;
    this.description = description;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void change(Slug slug, String name, String description, OffsetDateTime now) {
    this.slug = slug.value();
    this.name = name;
    this.description = description;
    this.updatedAt = now;
  }

  /** Whether readers may see this tag. */
  public boolean isPublic() {
    return !name.startsWith(INTERNAL_PREFIX);
  }

  public Long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }
}
