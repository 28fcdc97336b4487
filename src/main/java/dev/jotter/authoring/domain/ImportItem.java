package dev.jotter.authoring.domain;

import dev.jotter.content.api.FeatureImage;
import dev.jotter.content.api.PostSeo;
import dev.jotter.content.api.PostStatus;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One post as a file from another blog describes it, before anything is looked up or saved.
 *
 * @param sourceId what identifies it in its file (Ghost's or WordPress's post id, the path of a
 *     Markdown file): a second import of the same file finds the post it made by it
 * @param slug its address there; null to make one from the title
 * @param status draft, published or scheduled
 * @param publishedAt when it went (or goes) live, with its offset; for a draft, when it was
 *     published before (or null)
 * @param tags its tags in order (the first public one is the primary tag)
 * @param authors its authors in order (the first is the primary author); empty: the importer
 * @param skipReason why it is not imported at all (a page, an attachment…); null to import it
 * @param problem why it cannot be read (a bad date, bad front matter); null when it was read
 */
public record ImportItem(
    String sourceId,
    String title,
    String slug,
    String markdown,
    String customExcerpt,
    String subtitle,
    PostStatus status,
    OffsetDateTime publishedAt,
    OffsetDateTime createdAt,
    List<Named> tags,
    List<Named> authors,
    FeatureImage featureImage,
    PostSeo seo,
    boolean featured,
    String skipReason,
    String problem) {

  public ImportItem {
    tags = tags == null ? List.of() : List.copyOf(tags);
    authors = authors == null ? List.of() : List.copyOf(authors);
    seo = seo == null ? PostSeo.NONE : seo;
  }

  /** A tag or an author as the file names it: its name, and its slug when the file has one. */
  public record Named(String name, String slug) {}

  /** An item that is reported as skipped, with the reason. */
  public static ImportItem skipped(String sourceId, String title, String slug, String reason) {
    return new ImportItem(
        sourceId, title, slug, null, null, null, null, null, null, null, null, null, null, false,
        reason, null);
  }

  /** An item that could not be read, with the reason. */
  public static ImportItem unreadable(String sourceId, String title, String slug, String problem) {
    return new ImportItem(
        sourceId, title, slug, null, null, null, null, null, null, null, null, null, null, false,
        null, problem);
  }
}
