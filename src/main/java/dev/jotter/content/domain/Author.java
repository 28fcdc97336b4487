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

/** A person who writes on the blog: the card under a post and the author page. */
@Entity
@Table(name = "author")
@NamedQuery(name = "Author.findBySlug", query = "select a from Author a where a.slug = :slug")
@NamedQuery(name = "Author.findAll", query = "select a from Author a order by a.name, a.id")
public class Author {

  @Id
  @SequenceGenerator(name = "author_seq", sequenceName = "author_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "author_seq")
  private Long id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(nullable = false)
  private String name;

  private String bio;

  @Column(name = "avatar_url")
  private String avatarUrl;

  private String website;
  private String location;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected Author() {}

  public Author(Slug slug, String name, OffsetDateTime now) {
    this.slug = slug.value();
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void rename(String name, OffsetDateTime now) {
    this.name = name;
    this.updatedAt = now;
  }

  public void describe(
      String bio, String avatarUrl, String website, String location, OffsetDateTime now) {
    this.bio = bio;
    this.avatarUrl = avatarUrl;
    this.website = website;
    this.location = location;
    this.updatedAt = now;
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

  public String bio() {
    return bio;
  }

  public String avatarUrl() {
    return avatarUrl;
  }

  public String website() {
    return website;
  }

  public String location() {
    return location;
  }

  public long version() {
    return version;
  }
}
