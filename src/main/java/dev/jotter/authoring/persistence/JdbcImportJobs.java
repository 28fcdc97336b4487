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

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void create(ImportJob job) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into import_job (id, format, file_name, bytes, state, total, done, created,"
                    + " updated, skipped, failed, errors, staff_id, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, '', ?, ?)")) {
      ps.setString(1, job.id());
      ps.setString(2, job.format().name());
      ps.setString(3, job.fileName());
      ps.setLong(4, job.bytes());
      ps.setString(5, job.state().name());
      ps.setInt(6, job.total());
      ps.setLong(7, job.staffId());
      ps.setObject(8, job.createdAt());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record the import", e);
    }
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<ImportJob> find(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, format, file_name, bytes, state, total, done, created, updated,"
                    + " skipped, failed, errors, staff_id, created_at, started_at, finished_at"
                    + " from import_job where id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
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
                decode(rs.getString(12)),
                rs.getLong(13),
                rs.getObject(14, OffsetDateTime.class),
                rs.getObject(15, OffsetDateTime.class),
                rs.getObject(16, OffsetDateTime.class)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the import", e);
    }
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean start(String id, OffsetDateTime at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update import_job set state = 'RUNNING', started_at = ?"
                    + " where id = ? and state = 'READY'")) {
      ps.setObject(1, at);
      ps.setString(2, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot start the import", e);
    }
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public void progress(ImportJob job) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update import_job set state = ?, done = ?, created = ?, updated = ?, skipped = ?,"
                    + " failed = ?, errors = ?, finished_at = ? where id = ?")) {
      ps.setString(1, job.state().name());
      ps.setInt(2, job.done());
      ps.setInt(3, job.created());
      ps.setInt(4, job.updated());
      ps.setInt(5, job.skipped());
      ps.setInt(6, job.failed());
      ps.setString(7, encode(job.errors()));
      ps.setObject(8, job.finishedAt());
      ps.setString(9, job.id());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot save the import's progress", e);
    }
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
