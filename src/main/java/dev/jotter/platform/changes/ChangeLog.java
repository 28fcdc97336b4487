package dev.jotter.platform.changes;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The change log in the database ({@code change_log}). An entry is appended in the transaction that
 * made the change, so both are there or neither; its id comes from a counter row locked until that
 * transaction ends, so ids grow in commit order across servers (a consumer never skips an entry
 * that committed late).
 */
@ApplicationScoped
public class ChangeLog {

  /** Fired in the appending transaction; the relay observes it after the commit. */
  public record Appended() {}

  /**
   * Fired at once, inside the transaction, for every change appended to it: whoever must not act on
   * the old state while the transaction is completing (the response cache) hears of the change
   * before anyone can see it committed.
   */
  public record Uncommitted(Change change) {}

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  @Inject Event<Appended> appended;

  @Inject Event<Uncommitted> uncommitted;

  @Resource TransactionSynchronizationRegistry registry;

  /** Appends a change to the caller's transaction (there must be one). */
  @Transactional(TxType.MANDATORY)
  public void append(String kind, long subjectId) {
    OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    long id;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement next =
          c.prepareStatement("update change_log_counter set last_id = last_id + 1 where id = 1")) {
        next.executeUpdate();
      }
      try (PreparedStatement read = c.prepareStatement("select last_id from change_log_counter");
          ResultSet rs = read.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into change_log (id, kind, subject_id, created_at) values (?, ?, ?, ?)")) {
        insert.setLong(1, id);
        insert.setString(2, kind);
        insert.setLong(3, subjectId);
        insert.setObject(4, createdAt);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot append to the change log", e);
    }
    uncommitted.fire(new Uncommitted(new Change(id, kind, subjectId, createdAt)));
    if (registry.getResource(Appended.class) == null) {
      registry.putResource(Appended.class, Boolean.TRUE); // once per transaction
      appended.fire(new Appended());
    }
  }

  /** The id of the newest entry (0 when the log is empty). */
  @Transactional(TxType.SUPPORTS)
  public long head() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select last_id from change_log_counter");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the change log", e);
    }
  }

  /** Up to {@code limit} entries after {@code position}, oldest first. */
  @Transactional(TxType.SUPPORTS)
  public List<Change> after(long position, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, kind, subject_id, created_at from change_log where id > ?"
                    + " order by id")) {
      ps.setLong(1, position);
      ps.setMaxRows(limit);
      List<Change> changes = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changes.add(
              new Change(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getObject(4, OffsetDateTime.class)));
        }
      }
      return changes;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the change log", e);
    }
  }

  /** Deletes entries older than {@code before} that every consumer has passed; how many. */
  @Transactional
  public int prune(OffsetDateTime before) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "delete from change_log where created_at < ?"
                    + " and id <= (select coalesce(min(position), 0) from change_consumer"
                    + " where updated_at > ?)")) {
      ps.setObject(1, before);
      ps.setObject(2, before); // consumers of servers gone longer than that do not hold it back
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prune the change log", e);
    }
  }
}
