package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.ImportFiles;
import dev.jotter.authoring.domain.ImportFormat;
import dev.jotter.authoring.domain.ImportItem;
import dev.jotter.authoring.domain.ImportJob;
import dev.jotter.authoring.domain.ImportJobs;
import dev.jotter.authoring.domain.ImportLimits;
import dev.jotter.authoring.domain.ImportReader;
import dev.jotter.authoring.domain.ImportRefusedException;
import dev.jotter.authoring.domain.Role;
import dev.jotter.authoring.domain.StaffUser;
import dev.jotter.authoring.internal.ImportPlanner.Action;
import dev.jotter.authoring.internal.ImportPlanner.Plan;
import dev.jotter.content.api.AuthorEditor;
import dev.jotter.content.api.AuthorView;
import dev.jotter.platform.changes.ChangeRelay;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports from other blogs, for administrators: a file is stored and read whole first (the dry run:
 * what each item would become, and why), then run in the background on Jakarta Concurrency's
 * managed executor, each item saved in a transaction of its own through content's rules, with its
 * progress in {@code import_job}. Reading the file again and again (dry run, run) costs time, not
 * memory: readers hold one post at a time.
 */
@ApplicationScoped
public class Imports {

  private static final Logger LOG = Logger.getLogger(Imports.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long PROGRESS_EVERY_MILLIS = 500;

  @Inject StaffAccounts accounts;
  @Inject CurrentStaff current;
  @Inject ImportJobs jobs;
  @Inject ImportFiles files;
  @Inject ImportPlanner planner;
  @Inject ImportItemWriter writer;
  @Inject AuthorEditor authors;
  @Inject ChangeRelay relay;
  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "jotter.import.max-bytes", defaultValue = "52428800")
  long maxBytes;

  /** One item of a dry run's report. */
  public record ReportLine(
      String sourceId, String slug, String title, Action action, String reason) {}

  /** A checked file: its job (READY) and what each item would become. */
  public record DryRun(ImportJob job, List<ReportLine> items) {
    public long count(Action action) {
      return items.stream().filter(i -> i.action() == action).count();
    }
  }

  /** The limits a file is read under (jotter.import.max-bytes, and the zip limits). */
  public ImportLimits limits() {
    return ImportLimits.defaults().withMaxBytes(maxBytes);
  }

  /**
   * Stores and checks a file: nothing of the blog changes. Administrators only.
   *
   * @param declaredLength the request's Content-Length, -1 when unknown
   * @throws ImportRefusedException when the file is too large, malformed or hostile; it is not kept
   */
  public DryRun check(ImportFormat format, String fileName, long declaredLength, InputStream body)
      throws UnauthenticatedException, ForbiddenException, ImportRefusedException, IOException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, "import posts");
    StaffUser me = current.require();
    if (declaredLength > maxBytes) {
      throw new ImportRefusedException(
          ImportRefusedException.Reason.TOO_LARGE,
          "The file is larger than "
              + maxBytes
              + " bytes (JOTTER_IMPORT_MAX_BYTES); split it, or raise the limit.");
    }
    String id = newId();
    Path file = files.store(id, body, maxBytes);
    ImportPlanner.Pass pass = new ImportPlanner.Pass(format, importer(me).slug());
    List<ReportLine> lines = new ArrayList<>();
    try {
      ImportReader.of(format)
          .read(
              file,
              limits(),
              item -> {
                Plan plan = planner.plan(item, pass);
                lines.add(
                    new ReportLine(
                        item.sourceId(), item.slug(), item.title(), plan.action(), plan.reason()));
              });
    } catch (ImportRefusedException | IOException | RuntimeException e) {
      files.delete(id);
      throw e;
    }
    ImportJob job =
        new ImportJob(
            id,
            format,
            fileName == null ? null : truncate(fileName, 255),
            java.nio.file.Files.size(file),
            ImportJob.State.READY,
            lines.size(),
            0,
            0,
            0,
            0,
            0,
            List.of(),
            me.id(),
            Clock.now(),
            null,
            null);
    jobs.create(job);
    return new DryRun(job, lines);
  }

  /**
   * Runs a checked import in the background; returns at once with the job RUNNING. Administrators
   * only.
   */
  public ImportJob start(String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, "import posts");
    StaffUser me = current.require();
    ImportJob job = find(id);
    if (job.state() != ImportJob.State.READY) {
      throw new InvalidArgumentException(
          "id: the import " + id + " is " + job.state().name().toLowerCase() + " already.");
    }
    Path file =
        files
            .find(id)
            .orElseThrow(
                () ->
                    new InvalidArgumentException(
                        "id: the file of import "
                            + id
                            + " is not on this server; send it again (POST /imports)."));
    AuthorView card = importer(me);
    ImportItemWriter.Importer importer = new ImportItemWriter.Importer(me.id(), card.name());
    if (!jobs.start(id, Clock.now())) {
      throw new InvalidArgumentException("id: the import " + id + " was started already.");
    }
    ImportJob running = find(id);
    executor.submit(() -> run(running, file, card.slug(), importer));
    return running;
  }

  /** An import and its progress. Administrators only. */
  public ImportJob job(String id)
      throws UnauthenticatedException, ForbiddenException, NotFoundException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, "follow imports");
    return find(id);
  }

  private ImportJob find(String id) throws NotFoundException {
    return jobs.find(id == null ? "" : id)
        .orElseThrow(() -> new NotFoundException("id: there is no import " + id + "."));
  }

  private AuthorView importer(StaffUser me) {
    return authors
        .find(me.authorId())
        .orElseThrow(() -> new IllegalStateException("No author card for staff " + me.id()));
  }

  /** The background run: item by item, progress saved every half second and at the end. */
  void run(ImportJob start, Path file, String importerSlug, ImportItemWriter.Importer importer) {
    ImportPlanner.Pass pass = new ImportPlanner.Pass(start.format(), importerSlug);
    AtomicReference<ImportJob> job = new AtomicReference<>(start);
    long[] lastSaved = {System.nanoTime()};
    long began = System.nanoTime();
    try (ChangeRelay.Deferral deferral = relay.deferDeliveries()) {
      ImportReader.of(start.format())
          .read(
              file,
              limits(),
              item -> {
                job.set(count(job.get(), item, save(item, pass, importer)));
                if (System.nanoTime() - lastSaved[0] > PROGRESS_EVERY_MILLIS * 1_000_000) {
                  jobs.progress(job.get());
                  lastSaved[0] = System.nanoTime();
                }
              });
      job.set(finish(job.get(), ImportJob.State.DONE, null));
    } catch (ImportRefusedException | IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Import " + start.id() + " stopped", e);
      job.set(
          finish(
              job.get(),
              ImportJob.State.FAILED,
              "the file could not be read to its end: " + e.getMessage()));
    } finally {
      jobs.progress(job.get());
      files.delete(start.id());
      ImportJob end = job.get();
      LOG.info(
          String.format(
              "Import %s (%s) %s: %d items in %.1f s: %d created, %d updated, %d skipped, %d failed",
              end.id(),
              end.format(),
              end.state(),
              end.done(),
              (System.nanoTime() - began) / 1e9,
              end.created(),
              end.updated(),
              end.skipped(),
              end.failed()));
    }
  }

  /** An item's outcome: its plan as carried out, or the reason it failed (nothing of it saved). */
  private Plan save(ImportItem item, ImportPlanner.Pass pass, ImportItemWriter.Importer importer) {
    try {
      return writer.write(item, pass, importer);
    } catch (InvalidArgumentException | NotFoundException e) {
      return new Plan(Action.ERROR, e.getMessage(), null);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Import item " + item.sourceId() + " failed", e);
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return new Plan(
          Action.ERROR, "could not be saved (" + root.getClass().getSimpleName() + ").", null);
    }
  }

  private static ImportJob count(ImportJob job, ImportItem item, Plan plan) {
    List<ImportJob.Failure> errors = job.errors();
    if (plan.action() == Action.ERROR && errors.size() < ImportJob.MAX_ERRORS_KEPT) {
      errors = new ArrayList<>(errors);
      errors.add(new ImportJob.Failure(item.sourceId(), item.title(), plan.reason()));
    }
    return new ImportJob(
        job.id(),
        job.format(),
        job.fileName(),
        job.bytes(),
        job.state(),
        job.total(),
        job.done() + 1,
        job.created() + (plan.action() == Action.CREATE ? 1 : 0),
        job.updated() + (plan.action() == Action.UPDATE ? 1 : 0),
        job.skipped() + (plan.action() == Action.SKIP ? 1 : 0),
        job.failed() + (plan.action() == Action.ERROR ? 1 : 0),
        errors,
        job.staffId(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt());
  }

  private static ImportJob finish(ImportJob job, ImportJob.State state, String error) {
    List<ImportJob.Failure> errors = new ArrayList<>(job.errors());
    if (error != null) {
      errors.add(new ImportJob.Failure(null, null, error));
    }
    return new ImportJob(
        job.id(),
        job.format(),
        job.fileName(),
        job.bytes(),
        state,
        job.total(),
        job.done(),
        job.created(),
        job.updated(),
        job.skipped(),
        job.failed(),
        errors,
        job.staffId(),
        job.createdAt(),
        job.startedAt(),
        OffsetDateTime.now());
  }

  private static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
