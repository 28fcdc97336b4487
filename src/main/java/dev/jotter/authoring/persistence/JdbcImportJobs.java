package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.ImportFormat;
import dev.jotter.authoring.domain.ImportJob;
import dev.jotter.authoring.domain.ImportJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Import jobs in {@code import_job}, imported items in {@code import_source}. */
@ApplicationScoped
public class JdbcImportJobs implements ImportJobs {

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  private static final String COLUMNS =
      "select id, format, file_name, bytes, state, total, done, created, updated, skipped,"
          + " failed, images, images_restored, images_failed, errors, staff_id, created_at,"
          + " started_at, finished_at, runner, heartbeat_at from import_job";

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void create(ImportJob job) {
    update(
        "Cannot record the import",
        "insert into import_job (id, format, file_name, bytes, state, total, done, created,"
            + " updated, skipped, failed, images, errors, staff_id, created_at, runner)"
            + " values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, '', ?, ?, ?)",
        job.id(),
        job.format().name(),
        job.fileName(),
        job.bytes(),
        job.state().name(),
        job.total(),
        job.images(),
        job.staffId(),
        job.createdAt(),
        job.runner());
  }

  /** Runs one insert or update with these parameters (null ones as SQL nulls); its row count. */
  private int update(String failure, String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(failure, e);
    }
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<ImportJob> find(String id) {
    List<ImportJob> found = select(" where id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public List<ImportJob> findIn(ImportJob.State state) {
    return select(" where state = ? order by created_at", state.name());
  }

  private List<ImportJob> select(String where, String value) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COLUMNS + where)) {
      ps.setString(1, value);
      List<ImportJob> jobs = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          jobs.add(
              new ImportJob(
                  rs.getString(1),
                  ImportFormat.valueOf(rs.getString(2)),
                  rs.getString(3),
                  rs.getLong(4),
                  ImportJob.State.valueOf(rs.getString(5)),
                  rs.getInt(6),
                  rs.getInt(7),
                  rs.getInt(8),
                  rs.getInt(9),
                  rs.getInt(10),
                  rs.getInt(11),
                  rs.getInt(12),
                  rs.getInt(13),
                  rs.getInt(14),
                  decode(rs.getString(15)),
                  rs.getLong(16),
                  rs.getObject(17, OffsetDateTime.class),
                  rs.getObject(18, OffsetDateTime.class),
                  rs.getObject(19, OffsetDateTime.class),
                  rs.getString(20),
                  rs.getObject(21, OffsetDateTime.class)));
        }
      }
      return jobs;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the imports", e);
    }
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean start(String id, OffsetDateTime at, String runner) {
    return update(
            "Cannot start the import",
            "update import_job set state = 'RUNNING', started_at = ?, heartbeat_at = ?,"
                + " runner = ? where id = ? and state = 'READY'",
            at,
            at,
            runner,
            id)
        == 1;
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean progress(ImportJob job, OffsetDateTime at) {
    return update(
            "Cannot save the import's progress",
            "update import_job set state = ?, done = ?, created = ?, updated = ?, skipped = ?,"
                + " failed = ?, images_restored = ?, images_failed = ?, errors = ?,"
                + " finished_at = ?, heartbeat_at = ? where id = ? and state = 'RUNNING'"
                + " and runner = ?",
            job.state().name(),
            job.done(),
            job.created(),
            job.updated(),
            job.skipped(),
            job.failed(),
            job.imagesRestored(),
            job.imagesFailed(),
            encode(job.errors()),
            job.finishedAt(),
            at,
            job.id(),
            job.runner())
        == 1;
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void beat(String id, String runner, OffsetDateTime at) {
    update(
        "Cannot record that the import runs",
        "update import_job set heartbeat_at = ? where id = ? and state = 'RUNNING'"
            + " and runner = ?",
        at,
        id,
        runner);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean end(ImportJob seen, ImportJob ended) {
    String sql =
        "update import_job set state = ?, errors = ?, finished_at = ? where id = ? and state = ?"
            + " and heartbeat_at";
    Object[] head = {
      ended.state().name(),
      encode(ended.errors()),
      ended.finishedAt(),
      seen.id(),
      seen.state().name()
    };
    int changed =
        seen.heartbeatAt() == null
            ? update("Cannot end the import", sql + " is null", head)
            : update(
                "Cannot end the import",
                sql + " = ?",
                head[0],
                head[1],
                head[2],
                head[3],
                head[4],
                seen.heartbeatAt());
    return changed == 1;
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public Optional<Long> postOf(String source) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select post_id from import_source where source = ?")) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the imported items", e);
    }
  }

  @Override
  @Transactional(TxType.MANDATORY)
  public void remember(String source, long postId, OffsetDateTime at) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement delete =
          c.prepareStatement("delete from import_source where source = ?")) {
        delete.setString(1, source);
        delete.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into import_source (source, post_id, imported_at) values (?, ?, ?)")) {
        insert.setString(1, source);
        insert.setLong(2, postId);
        insert.setObject(3, at);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record the imported item", e);
    }
  }

  private static String encode(List<ImportJob.Failure> errors) {
    StringBuilder out = new StringBuilder();
    for (ImportJob.Failure f : errors) {
      out.append(clean(f.sourceId()))
          .append('\t')
          .append(clean(f.title()))
          .append('\t')
          .append(clean(f.reason()))
          .append('\n');
    }
    return out.toString();
  }

  private static String clean(String text) {
    return text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ");
  }

  private static List<ImportJob.Failure> decode(String text) {
    List<ImportJob.Failure> errors = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", 3);
      errors.add(
          new ImportJob.Failure(
              f[0].isEmpty() ? null : f[0],
              f.length > 1 && !f[1].isEmpty() ? f[1] : null,
              f.length > 2 ? f[2] : ""));
    }
    return errors;
  }
}
