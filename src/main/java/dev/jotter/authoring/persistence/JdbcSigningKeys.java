package dev.jotter.authoring.persistence;

import dev.jotter.authoring.domain.SigningKeys;
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
import java.util.Optional;
import javax.sql.DataSource;

/** The signing key pair in {@code signing_key}; each call in a transaction of its own. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class JdbcSigningKeys implements SigningKeys {

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  @Override
  public Optional<Pair> find() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select private_pem, public_pem from signing_key where id = 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(new Pair(rs.getString(1), rs.getString(2))) : Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the signing key", e);
    }
  }

  @Override
  public boolean insertIfAbsent(Pair pair) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement lock =
              c.prepareStatement(
                  "select name from authoring_lock where name = 'sign-in' for update");
          ResultSet rs = lock.executeQuery()) {
        rs.next(); // servers starting at once: one at a time from here
      }
      try (PreparedStatement exists = c.prepareStatement("select 1 from signing_key");
          ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into signing_key (id, private_pem, public_pem, created_at)"
                  + " values (1, ?, ?, ?)")) {
        insert.setString(1, pair.privatePem());
        insert.setString(2, pair.publicPem());
        insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
        insert.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store the signing key", e);
    }
  }
}
