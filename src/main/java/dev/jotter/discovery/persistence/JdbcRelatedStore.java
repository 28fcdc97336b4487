package dev.jotter.discovery.persistence;

import dev.jotter.discovery.domain.Reason;
import dev.jotter.discovery.domain.Related;
import dev.jotter.discovery.domain.RelatedStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Related lists in the {@code related_post} table, written with JDBC batches (a full rebuild writes
 * ten rows a post). Runs in the caller's transaction: Liberty enlists the connection.
 */
@ApplicationScoped
@Transactional
public class JdbcRelatedStore implements RelatedStore {

  private static final String FINGERPRINT = "related.fingerprint";
  private static final int IN_CHUNK = 500;

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  /**
   * Joins the caller's transaction, if any, and needs none of its own: each post's list is read by
   * one statement, and a reader's post page pays no transaction for it (its begin and commit were
   * ~6 % of the page's CPU).
   */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, List<Related>> find(Collection<Long> postIds) {
    Map<Long, List<Related>> lists = new LinkedHashMap<>();
    if (postIds.isEmpty()) {
      return lists;
    }
    List<Long> ids = List.copyOf(new TreeSet<>(postIds));
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += IN_CHUNK) {
        List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
        String sql =
            "select post_id, related_post_id, score, reasons, shared_tag_ids"
                + " from related_post where post_id in ("
                + placeholders(chunk.size())
                + ")"
                + " order by post_id, position";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              lists
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new Related(
                          rs.getLong(2),
                          rs.getDouble(3),
                          reasons(rs.getString(4)),
                          longs(rs.getString(5))));
            }
          }
        }
      }
      return lists;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read related posts", e);
    }
  }

  @Override
  public void replace(Map<Long, List<Related>> lists) {
    try (Connection c = dataSource.getConnection()) {
      lock(c);
      try (PreparedStatement delete =
          c.prepareStatement("delete from related_post where post_id = ?")) {
        for (long postId : lists.keySet()) {
          delete.setLong(1, postId);
          delete.addBatch();
        }
        delete.executeBatch();
      }
      insert(c, lists);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store related posts", e);
    }
  }

  @Override
  public <T> T underLock(java.util.function.Supplier<T> work) {
    try (Connection c = dataSource.getConnection()) {
      lock(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot lock the related posts", e);
    }
    return work.get();
  }

  @Override
  public void replaceAll(Map<Long, List<Related>> lists, String fingerprint) {
    try (Connection c = dataSource.getConnection()) {
      lock(c);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("delete from related_post");
        s.executeUpdate("delete from discovery_state where state_key = '" + FINGERPRINT + "'");
      }
      insert(c, lists);
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into discovery_state (state_key, state_value) values (?, ?)")) {
        ps.setString(1, FINGERPRINT);
        ps.setString(2, fingerprint);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store related posts", e);
    }
  }

  /**
   * Every server writes related lists (each follows the change log): one at a time, or two could
   * delete and insert the same rows at once. Held until the transaction ends.
   */
  private static void lock(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select state_value from discovery_state where state_key = 'related.lock'"
                    + " for update");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
    }
  }

  @Override
  public Set<Long> listing(long relatedId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select distinct post_id from related_post where related_post_id = ?")) {
      ps.setLong(1, relatedId);
      Set<Long> ids = new TreeSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read related posts", e);
    }
  }

  @Override
  public Map<Long, Overrides> overrides() {
    Map<Long, List<Long>> pins = new HashMap<>();
    Map<Long, Set<Long>> excludes = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select post_id, other_post_id, kind from related_override"
                    + " order by post_id, position, other_post_id")) {
      readOverrides(rs, pins, excludes);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read related overrides", e);
    }
    return overrides(pins, excludes);
  }

  @Override
  public Map<Long, Overrides> overrides(Collection<Long> postIds) {
    Map<Long, List<Long>> pins = new HashMap<>();
    Map<Long, Set<Long>> excludes = new HashMap<>();
    List<Long> ids = List.copyOf(new TreeSet<>(postIds));
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += IN_CHUNK) {
        List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
        try (PreparedStatement ps =
            c.prepareStatement(
                "select post_id, other_post_id, kind from related_override where post_id in ("
                    + placeholders(chunk.size())
                    + ") order by post_id, position, other_post_id")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            readOverrides(rs, pins, excludes);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read related overrides", e);
    }
    return overrides(pins, excludes);
  }

  /** Rows of (post id, other post id, kind), pins in their order. */
  private static void readOverrides(
      ResultSet rs, Map<Long, List<Long>> pins, Map<Long, Set<Long>> excludes) throws SQLException {
    while (rs.next()) {
      if ("PIN".equals(rs.getString(3))) {
        pins.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
      } else {
        excludes.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getLong(2));
      }
    }
  }

  private static Map<Long, Overrides> overrides(
      Map<Long, List<Long>> pins, Map<Long, Set<Long>> excludes) {
    Map<Long, Overrides> overrides = new HashMap<>();
    Set<Long> posts = new TreeSet<>(pins.keySet());
    posts.addAll(excludes.keySet());
    for (long post : posts) {
      overrides.put(
          post,
          new Overrides(pins.getOrDefault(post, List.of()), excludes.getOrDefault(post, Set.of())));
    }
    return overrides;
  }

  @Override
  public void override(long postId, long otherId, OverrideKind kind) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement delete =
          c.prepareStatement(
              "delete from related_override where post_id = ? and other_post_id = ?")) {
        delete.setLong(1, postId);
        delete.setLong(2, otherId);
        delete.executeUpdate();
      }
      if (kind == null) {
        return;
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into related_override (post_id, other_post_id, kind, position)"
                  + " select ?, ?, ?, coalesce(max(position), -1) + 1 from related_override"
                  + " where post_id = ?")) {
        insert.setLong(1, postId);
        insert.setLong(2, otherId);
        insert.setString(3, kind.name());
        insert.setLong(4, postId);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store a related override", e);
    }
  }

  @Override
  public void fingerprint(String fingerprint) {
    try (Connection c = dataSource.getConnection()) {
      lock(c);
      try (PreparedStatement delete =
              c.prepareStatement("delete from discovery_state where state_key = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "insert into discovery_state (state_key, state_value) values (?, ?)")) {
        delete.setString(1, FINGERPRINT);
        delete.executeUpdate();
        insert.setString(1, FINGERPRINT);
        insert.setString(2, fingerprint);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store the discovery state", e);
    }
  }

  @Override
  public Optional<String> fingerprint() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select state_value from discovery_state where state_key = ?")) {
      ps.setString(1, FINGERPRINT);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the discovery state", e);
    }
  }

  private static void insert(Connection c, Map<Long, List<Related>> lists) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into related_post"
                + " (post_id, position, related_post_id, score, reasons, shared_tag_ids)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      for (Map.Entry<Long, List<Related>> list : lists.entrySet()) {
        int rank = 0;
        for (Related r : list.getValue()) {
          ps.setLong(1, list.getKey());
          ps.setInt(2, rank++);
          ps.setLong(3, r.relatedId());
          ps.setDouble(4, r.score());
          ps.setString(
              5, r.reasons().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
          ps.setString(
              6, r.sharedTagIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
          ps.addBatch();
          if (++pending % 1000 == 0) {
            ps.executeBatch();
          }
        }
      }
      ps.executeBatch();
    }
  }

  private static Set<Reason> reasons(String csv) {
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    Arrays.stream(csv.split(","))
        .filter(s -> !s.isEmpty())
        .map(Reason::valueOf)
        .forEach(reasons::add);
    return reasons;
  }

  private static List<Long> longs(String csv) {
    return Arrays.stream(csv.split(",")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
  }

  private static String placeholders(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}
