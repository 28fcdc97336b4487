package dev.jotter.content.graphql;

import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.Heading;
import dev.jotter.content.api.PostEditor;
import dev.jotter.content.api.PostStatus;
import dev.jotter.content.api.PostView;
import dev.jotter.content.api.ReadingTime;
import dev.jotter.platform.graphql.ListSize;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** A post as readers query it. */
@Description("A post: what a reader's post page shows, rendered and ready to display.")
public class Post {

  private final PostView view;
  private final boolean preview;

  Post(PostView view) {
    this(view, false);
  }

  private Post(PostView view, boolean preview) {
    this.view = view;
    this.preview = preview;
  }

  /** A post shown through a preview link: its answer is never cached or shared. */
  static Post preview(PostView view) {
    return new Post(view, true);
  }

  @Ignore
  public boolean isPreview() {
    return preview;
  }

  /** The output type of a view, for other modules' fields that return it. */
  public static Post of(PostView view) {
    return new Post(view);
  }

  @Ignore
  public PostView getView() {
    return view;
  }

  @Id
  @NonNull
  @Description("Stable identifier of the post.")
  public String getId() {
    return Long.toString(view.id());
  }

  @NonNull
  @Description("URL-safe name, unique among posts: the post lives at /p/{slug}.")
  public String getSlug() {
    return view.slug();
  }

  @NonNull
  public String getTitle() {
    return view.title();
  }

  @Description("A line under the title, if the author wrote one.")
  public String getSubtitle() {
    return view.subtitle();
  }

  @NonNull
  @Description("The body as sanitized HTML: no scripts, event handlers or javascript: URLs.")
  public String getHtml() {
    return view.html();
  }

  @NonNull
  @Description("The body as plain text, one paragraph a line.")
  public String getText() {
    return view.text();
  }

  @NonNull
  @Description("The custom excerpt, else the body's first ~160 characters cut at a word.")
  public String getExcerpt() {
    return view.excerpt();
  }

  @NonNull
  @Description("The body's section headings in order, for a table of contents.")
  @ListSize(assumedSize = PostEditor.MAX_HEADINGS)
  public List<@NonNull Heading> getHeadings() {
    return view.headings();
  }

  /** The feature image as set; readers get it sized, from {@code ContentGraphQLApi}. */
  @Ignore
  public FeatureImage getFeatureImage() {
    return view.featureImage();
  }

  @NonNull
  public PostStatus getStatus() {
    return view.status();
  }

  @Description("When the post went (or goes) live.")
  public OffsetDateTime getPublishedAt() {
    return view.publishedAt();
  }

  @NonNull
  public OffsetDateTime getCreatedAt() {
    return view.createdAt();
  }

  @NonNull
  @Description("When the content was last changed.")
  public OffsetDateTime getUpdatedAt() {
    return view.updatedAt();
  }

  @NonNull
  @Description("How long the post takes to read: label is \"N min read\".")
  public ReadingTime getReadingTime() {
    return view.readingTime();
  }

  @Description("Grows by one with every saved change; send it back when editing.")
  public long getVersion() {
    return view.version();
  }

  @NonNull
  @Description("The primary author: the first of authors.")
  public Author getAuthor() {
    return new Author(view.primaryAuthor());
  }

  @NonNull
  @Description("All authors in order, the primary author first.")
  @ListSize(assumedSize = PostEditor.MAX_AUTHORS)
  public List<@NonNull Author> getAuthors() {
    return view.authors().stream().map(Author::new).toList();
  }

  @NonNull
  @Description("Public tags in order; internal (#) tags are never shown.")
  @ListSize(assumedSize = PostEditor.MAX_TAGS)
  public List<@NonNull Tag> getTags() {
    return view.tags().stream().map(Tag::new).toList();
  }

  @Description("Whether frontends show it among the featured posts (posts(featured: true)).")
  public boolean isFeatured() {
    return view.featured();
  }

  @Description("The first public tag: the category label shown above the title.")
  public Tag getPrimaryTag() {
    return view.primaryTag() == null ? null : new Tag(view.primaryTag());
  }
}
