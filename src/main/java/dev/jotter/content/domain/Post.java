package dev.jotter.content.domain;

import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.Heading;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.ReadingTime;
import dev.jotter.content.api.ResponsiveImages;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A post: the aggregate root of the content module. Its markdown is the source of truth; the HTML,
 * plain text, excerpt, headings and reading time are derived from it whenever the content is set,
 * and stored, so readers never pay for rendering.
 *
 * <p>Authors and tags are ordered: the first author is the primary author, the first public tag the
 * primary tag. Both are batch-fetched, so a page of posts with its authors and tags costs three SQL
 * statements whatever its size.
 */
@Entity
@Table(name = "post")
@NamedQuery(
    name = "Post.findBySlug",
    query = "select p from Post p where p.slug = :slug and p.status = :status")
@NamedQuery(name = "Post.countAll", query = "select count(p) from Post p")
public class Post {

  @Id
  @SequenceGenerator(name = "post_seq", sequenceName = "post_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_seq")
  private Long id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(nullable = false)
  private String title;

  private String subtitle;

  @Lob
  @Column(nullable = false)
  private String markdown;

  @Lob
  @Column(nullable = false)
  private String html;

  @Lob
  @Column(name = "plain_text", nullable = false)
  private String plainText;

  @Column(name = "custom_excerpt")
  private String customExcerpt;

  @Column(nullable = false)
  private String excerpt;

  /** One heading a line: level, tab, anchor, tab, text (see {@link #headings()}). */
  @Lob
  @Column(nullable = false)
  private String headings;

  @Column(name = "feature_image_url")
  private String featureImageUrl;

  @Column(name = "feature_image_alt")
  private String featureImageAlt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PostStatus status;

  @Column(name = "published_at")
  private OffsetDateTime publishedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "word_count", nullable = false)
  private int wordCount;

  @Column(name = "image_count", nullable = false)
  private int imageCount;

  @Column(name = "reading_minutes", nullable = false)
  private int readingMinutes;

  @Column(name = "trashed_at")
  private OffsetDateTime trashedAt;

  @Column(name = "meta_title")
  private String metaTitle;

  @Column(name = "meta_description")
  private String metaDescription;

  @Column(name = "canonical_url")
  private String canonicalUrl;

  @Column(name = "og_title")
  private String ogTitle;

  @Column(name = "og_description")
  private String ogDescription;

  @Column(name = "og_image")
  private String ogImage;

  @Column(name = "twitter_title")
  private String twitterTitle;

  @Column(name = "twitter_description")
  private String twitterDescription;

  @Column(name = "twitter_image")
  private String twitterImage;

  @Column(nullable = false)
  private boolean featured;

  @Version private long version;

  @ManyToMany
  @JoinTable(
      name = "post_author",
      joinColumns = @JoinColumn(name = "post_id"),
      inverseJoinColumns = @JoinColumn(name = "author_id"))
  @OrderColumn(name = "position")
  @BatchFetch(BatchFetchType.IN)
  private List<Author> authors = new ArrayList<>();

  @ManyToMany
  @JoinTable(
      name = "post_tag",
      joinColumns = @JoinColumn(name = "post_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"))
  @OrderColumn(name = "position")
  @BatchFetch(BatchFetchType.IN)
  private List<Tag> tags = new ArrayList<>();

  protected Post() {}

  /** A new draft by its primary author. */
  public Post(Slug slug, Author primaryAuthor, OffsetDateTime now) {
    this.slug = slug.value();
    this.status = PostStatus.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
    this.authors.add(primaryAuthor);
    setContent("Untitled", null, "", null, null, ResponsiveImages.NONE, now);
  }

  /**
   * Sets what the author wrote and derives everything a reader sees from it; the body's images that
   * are uploads get their dimensions and widths from {@code images}.
   */
  public void setContent(
      String title,
      String subtitle,
      String markdown,
      String customExcerpt,
      FeatureImage featureImage,
      ResponsiveImages images,
      OffsetDateTime now) {
    RenderedBody body = MarkdownRenderer.instance().render(markdown, images);
    this.title = title;
    this.subtitle = subtitle;
    this.markdown = markdown;
    this.html = body.html();
    this.plainText = body.text();
    this.customExcerpt = customExcerpt;
    this.excerpt = body.excerpt(customExcerpt);
    this.headings = encode(body.headings());
    this.featureImageUrl = featureImage == null ? null : featureImage.url();
    this.featureImageAlt = featureImage == null ? null : featureImage.alt();
    ReadingTime readingTime = body.readingTime(featureImage != null);
    this.wordCount = readingTime.words();
    this.imageCount = readingTime.images();
    this.readingMinutes = readingTime.minutes();
    this.updatedAt = now;
  }

  public void setAuthors(List<Author> authors) {
    if (authors.isEmpty()) {
      throw new IllegalArgumentException("A post needs at least one author");
    }
    this.authors.clear();
    this.authors.addAll(authors);
  }

  /** What the post tells search engines and link previews; null fields are derived when read. */
  public void setSeo(PostSeo seo) {
    this.metaTitle = seo.metaTitle();
    this.metaDescription = seo.metaDescription();
    this.canonicalUrl = seo.canonicalUrl();
    this.ogTitle = seo.ogTitle();
    this.ogDescription = seo.ogDescription();
    this.ogImage = seo.ogImage();
    this.twitterTitle = seo.twitterTitle();
    this.twitterDescription = seo.twitterDescription();
    this.twitterImage = seo.twitterImage();
  }

  public PostSeo seo() {
    return new PostSeo(
        metaTitle,
        metaDescription,
        canonicalUrl,
        ogTitle,
        ogDescription,
        ogImage,
        twitterTitle,
        twitterDescription,
        twitterImage);
  }

  public void setFeatured(boolean featured) {
    this.featured = featured;
  }

  public boolean featured() {
    return featured;
  }

  public void setTags(List<Tag> tags) {
    this.tags.clear();
    this.tags.addAll(tags);
  }

  /** Gives the post a new address; the caller keeps the old one in the slug history. */
  public void rename(Slug slug, OffsetDateTime now) {
    this.slug = slug.value();
    this.updatedAt = now;
  }

  public void publish(OffsetDateTime at) {
    this.status = PostStatus.PUBLISHED;
    this.publishedAt = at;
  }

  /** Publishes the post at a future time; until then only its authors and editors see it. */
  public void schedule(OffsetDateTime at) {
    this.status = PostStatus.SCHEDULED;
    this.publishedAt = at;
  }

  /**
   * Takes the post back from readers (or cancels its schedule); it keeps its content and becomes a
   * draft again.
   */
  public void unpublish() {
    if (status == PostStatus.SCHEDULED) {
      this.publishedAt = null;
    }
    this.status = PostStatus.DRAFT;
  }

  /**
   * Sets the status and dates a post had on the blog it comes from (an import): published or
   * scheduled at {@code publishedAt}, or a draft.
   */
  public void setImportedState(
      PostStatus status, OffsetDateTime publishedAt, OffsetDateTime createdAt) {
    this.status = status;
    this.publishedAt = publishedAt; // a draft's: when it was published before, if it was
    this.trashedAt = null;
    if (createdAt != null) {
      this.createdAt = createdAt;
    }
  }

  /** Moves the post to the trash: gone for readers, restorable until it is purged. */
  public void trash(OffsetDateTime now) {
    this.status = PostStatus.TRASHED;
    this.trashedAt = now;
  }

  /** Takes the post out of the trash as a draft (as WordPress does): nothing goes live unasked. */
  public void restore(OffsetDateTime now) {
    this.status = PostStatus.DRAFT;
    this.publishedAt = null;
    this.trashedAt = null;
    this.updatedAt = now;
  }

  public OffsetDateTime trashedAt() {
    return trashedAt;
  }

  public Long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String subtitle() {
    return subtitle;
  }

  public String markdown() {
    return markdown;
  }

  public String html() {
    return html;
  }

  public String plainText() {
    return plainText;
  }

  public String customExcerpt() {
    return customExcerpt;
  }

  public String excerpt() {
    return excerpt;
  }

  public Optional<FeatureImage> featureImage() {
    return featureImageUrl == null
        ? Optional.empty()
        : Optional.of(new FeatureImage(featureImageUrl, featureImageAlt));
  }

  public PostStatus status() {
    return status;
  }

  public OffsetDateTime publishedAt() {
    return publishedAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public ReadingTime readingTime() {
    return ReadingTime.of(wordCount, imageCount);
  }

  public long version() {
    return version;
  }

  public List<Author> authors() {
    return List.copyOf(authors);
  }

  public List<Tag> tags() {
    return List.copyOf(tags);
  }

  /** The tags readers may see, in order. */
  public List<Tag> publicTags() {
    return tags.stream().filter(Tag::isPublic).toList();
  }

  public List<Heading> headings() {
    return headings
        .lines()
        .map(line -> line.split("\t", 3))
        .map(f -> new Heading(Integer.parseInt(f[0]), f[2], f[1]))
        .toList();
  }

  private static String encode(List<Heading> headings) {
    StringBuilder out = new StringBuilder();
    for (Heading h : headings) {
      out.append(h.level())
          .append('\t')
          .append(h.anchor())
          .append('\t')
          .append(h.text().replaceAll("[\\t\\r\\n]+", " "))
          .append('\n');
    }
    return out.toString();
  }
}
