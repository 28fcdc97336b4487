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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  @Inject ImageImports imageImports;
  @Resource ManagedExecutorService executor;

  /** The jobs this server is running now. */
  private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

  @Inject
  @ConfigProperty(name = "jotter.import.max-bytes", defaultValue = "52428800")
  long maxBytes;

  /** One item of a dry run's report. */
  public record ReportLine(
      String sourceId, String slug, String title, Action action, String reason) {}

  /** A checked file: its job (READY), what each item would become, and its images. */
  public record DryRun(ImportJob job, List<ReportLine> items, ImageImports.Plan images) {
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
    ImageImports.Plan images;
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
      images = imageImports.plan(format, file, limits());
    } catch (ImportRefusedException | IOException | RuntimeException e) {
      files.delete(id);
      throw e;
    }
    ImportJob job =
        ImportJob.ready(
            id,
            format,
            fileName == null ? null : truncate(fileName, 255),
            java.nio.file.Files.size(file),
            lines.size(),
            images.images(),
            me.id(),
            Clock.now(),
            relay.serverId());
    jobs.create(job);
    return new DryRun(job, lines, images);
  }

  /**
   * Runs a checked import in the background; returns at once with the job RUNNING. Administrators
   * only, on the server that checked the file (its file waits there).
   */
  public ImportJob start(String id)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException,
          ImportFileElsewhereException {
    accounts.requireAtLeast(Role.ADMINISTRATOR, "import posts");
    StaffUser me = current.require();
    ImportJob job = find(id);
    if (job.state() != ImportJob.State.READY) {
      throw new InvalidArgumentException(
          "id: the import " + id + " is " + job.state().name().toLowerCase() + " already.");
    }
    Optional<Path> found = files.find(id);
    if (found.isEmpty()) {
      throw new ImportFileElsewhereException(
          "id: the file of import "
              + id
              + " waits on the server that checked it ("
              + job.runner()
              + "), not on this one ("
              + relay.serverId()
              + "): start it there, or send the file again here (POST /imports).");
    }
    Path file = found.get();
    AuthorView card = importer(me);
    ImportItemWriter.Importer importer = new ImportItemWriter.Importer(me.id(), card.name());
    runningHere.add(id); // before it is RUNNING: housekeeping must not take it for interrupted
    try {
      if (!jobs.start(id, Clock.now(), relay.serverId())) {
        throw new InvalidArgumentException("id: the import " + id + " was started already.");
      }
      ImportJob running = find(id);
      executor.submit(() -> run(running, file, card.slug(), importer));
      return running;
    } catch (InvalidArgumentException | RuntimeException e) {
      runningHere.remove(id);
      throw e;
    }
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

  /** The jobs this server is running now (a copy). */
  public Set<String> runningHere() {
    return Set.copyOf(runningHere);
  }

  /** A run's progress is no longer its own: another server ended the job as interrupted. */
  private static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super(null, null, false, false);
    }
  }

  /**
   * The background run: the images first (so that the posts' bodies find them), then item by item;
   * progress saved every half second and at the end.
   */
  void run(ImportJob start, Path file, String importerSlug, ImportItemWriter.Importer importer) {
    ImportPlanner.Pass pass = new ImportPlanner.Pass(start.format(), importerSlug);
    AtomicReference<ImportJob> job = new AtomicReference<>(start);
    long[] lastSaved = {System.nanoTime()};
    Runnable saveNow =
        () -> {
          if (System.nanoTime() - lastSaved[0] > PROGRESS_EVERY_MILLIS * 1_000_000) {
            if (!jobs.progress(job.get(), Clock.now())) {
              throw new Abandoned();
            }
            lastSaved[0] = System.nanoTime();
          }
        };
    long began = System.nanoTime();
    boolean abandoned = false;
    try (ChangeRelay.Deferral deferral = relay.deferDeliveries()) {
      imageImports.restore(
          start.format(),
          file,
          limits(),
          importer.staffId(),
          outcome -> {
            job.set(
                job.get()
                    .imageDone(
                        outcome.restored(),
                        outcome.problem() == null
                            ? null
                            : new ImportJob.Failure(
                                outcome.image().entry(outcome.image().fileName()),
                                null,
                                outcome.problem())));
            saveNow.run();
          });
      ImportReader.of(start.format())
          .read(
              file,
              limits(),
              item -> {
                job.set(count(job.get(), item, save(item, pass, importer)));
                saveNow.run();
              });
      job.set(job.get().finished(ImportJob.State.DONE, null, Clock.now()));
    } catch (Abandoned e) {
      abandoned = true;
      LOG.warning("Import " + start.id() + " was ended elsewhere as interrupted; stopped here");
    } catch (ImportRefusedException | IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Import " + start.id() + " stopped", e);
      job.set(
          job.get()
              .finished(
                  ImportJob.State.FAILED,
                  "the file could not be read to its end: " + e.getMessage(),
                  Clock.now()));
    } finally {
      try {
        if (!abandoned) {
          jobs.progress(job.get(), Clock.now());
        }
        files.delete(start.id());
      } finally {
        runningHere.remove(start.id());
      }
      ImportJob end = job.get();
      LOG.info(
          String.format(
              "Import %s (%s) %s: %d images restored, %d failed; %d items in %.1f s: %d created,"
                  + " %d updated, %d skipped, %d failed",
              end.id(),
              end.format(),
              end.state(),
              end.imagesRestored(),
              end.imagesFailed(),
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
    return job.itemDone(
        plan.action() == Action.CREATE,
        plan.action() == Action.UPDATE,
        plan.action() == Action.SKIP,
        plan.action() == Action.ERROR
            ? new ImportJob.Failure(item.sourceId(), item.title(), plan.reason())
            : null);
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
