package dev.jotter.authoring.graphql;

import dev.jotter.authoring.domain.ImportJob;
import dev.jotter.platform.graphql.ListSize;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** An import and its progress. */
@Name("ImportJob")
@Description(
    "An import from Ghost, WordPress or Markdown (POST /imports checks the file, startImport runs"
        + " it): its progress, counts, and the items that were not saved.")
public class ImportJobView {

  private final ImportJob job;

  ImportJobView(ImportJob job) {
    this.job = job;
  }

  @Id
  @Description("The import's id, as POST /imports answered it.")
  public @NonNull String getId() {
    return job.id();
  }

  @Description("The file's format: MARKDOWN, GHOST or WORDPRESS.")
  public @NonNull String getFormat() {
    return job.format().name();
  }

  @Description("The name of the file sent, when it had one.")
  public String getFileName() {
    return job.fileName();
  }

  @Description("Where the import is.")
  public @NonNull ImportState getState() {
    return ImportState.valueOf(job.state().name());
  }

  @Description("Items tried so far (created, updated, skipped or failed).")
  public int getDone() {
    return job.done();
  }

  @Description("Items in the file (posts, pages and others), as the dry run counted them.")
  public int getTotal() {
    return job.total();
  }

  @Description("Posts created.")
  public int getCreated() {
    return job.created();
  }

  @Description("Posts updated: imported before (or with the same slug) and changed since.")
  public int getUpdated() {
    return job.updated();
  }

  @Description("Items skipped: unchanged since the last import, or not posts (pages…).")
  public int getSkipped() {
    return job.skipped();
  }

  @Description("Items not saved; errors says why (nothing of them was saved).")
  public int getFailed() {
    return job.failed();
  }

  @Description(
      "Uploaded images a Markdown export carries (images/<id>/<file>), restored before its posts;"
          + " 0 for other files.")
  public int getImages() {
    return job.images();
  }

  @Description("Images restored so far (the others were there already, or failed).")
  public int getImagesRestored() {
    return job.imagesRestored();
  }

  @Description("Images not restored; errors says why (nothing of them was stored).")
  public int getImagesFailed() {
    return job.imagesFailed();
  }

  @ListSize(assumedSize = ImportJob.MAX_ERRORS_KEPT)
  @Description(
      "The items and images not saved, with their titles and reasons (the first 1,000), and why"
          + " the import stopped when it did (interrupted, expired, or the file unreadable).")
  public @NonNull List<@NonNull ImportError> getErrors() {
    return job.errors().stream().map(ImportError::new).toList();
  }

  @Description("When the file was checked.")
  public @NonNull OffsetDateTime getCreatedAt() {
    return job.createdAt();
  }

  @Description("When the run began; null until startImport.")
  public OffsetDateTime getStartedAt() {
    return job.startedAt();
  }

  @Description("When the run ended; null until then.")
  public OffsetDateTime getFinishedAt() {
    return job.finishedAt();
  }

  /** An item that was not saved. */
  @Name("ImportError")
  @Description("An item of an import that was not saved, and why.")
  public static class ImportError {
    private final ImportJob.Failure failure;

    ImportError(ImportJob.Failure failure) {
      this.failure = failure;
    }

    @Description(
        "Its id in the file (a Ghost or WordPress post id, a Markdown file's or image's path);"
            + " null for why the whole import stopped.")
    public String getSourceId() {
      return failure.sourceId();
    }

    @Description("Its title in the file, if it had one.")
    public String getTitle() {
      return failure.title();
    }

    @Description("Why it was not saved, naming the field at fault.")
    public @NonNull String getReason() {
      return failure.reason();
    }
  }
}
