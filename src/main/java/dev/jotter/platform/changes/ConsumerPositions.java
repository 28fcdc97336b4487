package dev.jotter.platform.changes;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Where each consumer (per server) stands in the change log ({@code change_consumer}). */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class ConsumerPositions {

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  public OptionalLong find(String consumer) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select position from change_consumer where name = ?")) {
      ps.setString(1, consumer);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the position of " + consumer, e);
    }
  }

  /** Records the position (and clears the last error). */
  public void save(String consumer, long position) {
    write(consumer, position, null);
  }

  /** Records why the consumer failed at its position. */
  public void failed(String consumer, long position, String error) {
    write(consumer, position, error.length() > 1_900 ? error.substring(0, 1_900) : error);
  }

  private void write(String consumer, long position, String error) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = dataSource.getConnection()) {
      int updated;
      try (PreparedStatement ps =
          c.prepareStatement(
              "update change_consumer set position = ?, updated_at = ?, last_error = ?"
                  + " where name = ?")) {
        ps.setLong(1, position);
        ps.setObject(2, now);
        ps.setString(3, error);
        ps.setString(4, consumer);
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into change_consumer (name, position, updated_at, last_error)"
                    + " values (?, ?, ?, ?)")) {
          ps.setString(1, consumer);
          ps.setLong(2, position);
          ps.setObject(3, now);
          ps.setString(4, error);
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot save the position of " + consumer, e);
    }
  }
}
