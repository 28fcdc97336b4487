package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.ImportFiles;
import dev.jotter.authoring.domain.ImportHousekeeping;
import dev.jotter.authoring.domain.ImportJob;
import dev.jotter.authoring.domain.ImportJobs;
import dev.jotter.platform.changes.ChangeRelay;
import dev.jotter.platform.persistence.DatabaseMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps imports from being stuck ({@link ImportHousekeeping}'s rules): at start, then every 30
 * seconds, it says that this server still runs its imports, ends as FAILED (with the reason in
 * their errors) the running imports whose server stopped and the checked ones never started within
 * {@code jotter.import.keep-checked-hours}, and deletes the waiting files nobody will start.
 */
@ApplicationScoped
public class ImportSweeper {

  private static final Logger LOG = Logger.getLogger(ImportSweeper.class.getName());

  @Resource ManagedScheduledExecutorService executor;
  @Inject ImportJobs jobs;
  @Inject ImportFiles files;
  @Inject Imports imports;
  @Inject ChangeRelay relay;

  @Inject
  @ConfigProperty(name = "jotter.import.keep-checked-hours", defaultValue = "24")
  long keepCheckedHours;

  @Inject
  @ConfigProperty(name = "jotter.import.silent-minutes", defaultValue = "5")
  long silentMinutes;

  private volatile ScheduledFuture<?> sweeping;

  /** After the change relay has named this server (priority 9000). */
  void start(@Observes @Priority(9100) DatabaseMigrated migrated) {
    sweep();
    long beat = ImportHousekeeping.BEAT.toSeconds();
    sweeping = executor.scheduleWithFixedDelay(this::sweep, beat, beat, TimeUnit.SECONDS);
  }

  ImportHousekeeping rules() {
    return new ImportHousekeeping(
        relay.serverId(), Duration.ofMinutes(silentMinutes), Duration.ofHours(keepCheckedHours));
  }

  /** One round of the rules; a failure is logged and the next round tries again. */
  void sweep() {
    try {
      ImportHousekeeping rules = rules();
      OffsetDateTime now = Clock.now();
      Set<String> runningHere = imports.runningHere();
      for (String id : runningHere) {
        jobs.beat(id, rules.server(), now);
      }
      for (ImportJob job : jobs.findIn(ImportJob.State.RUNNING)) {
        Optional<String> why = rules.interruption(job, runningHere, now);
        if (why.isPresent()
            && jobs.end(job, job.finished(ImportJob.State.FAILED, why.get(), now))) {
          LOG.warning("Import " + job.id() + " " + why.get());
        }
      }
      for (ImportJob job : jobs.findIn(ImportJob.State.READY)) {
        Optional<String> why = rules.expiry(job, now);
        if (why.isPresent()
            && jobs.end(job, job.finished(ImportJob.State.FAILED, why.get(), now))) {
          files.delete(job.id());
          LOG.info("Import " + job.id() + " " + why.get());
        }
      }
      for (ImportFiles.Waiting file : files.waiting()) {
        if (rules.fileMayGo(jobs.find(file.jobId()), file.written(), now.toInstant())) {
          files.delete(file.jobId());
          LOG.info(
              "Deleted the import file of " + file.jobId() + ", waiting since " + file.written());
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Sweeping imports failed; trying again in 30 s", e);
    }
  }

  /** The timer stops as soon as the application starts stopping. */
  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    stop();
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> s = sweeping;
    if (s != null) {
      s.cancel(false);
    }
  }
}
