package dev.jotter.platform.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jotter.platform.errors.InvalidArgumentException;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.ParserOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Documents known by their SHA-256 (Apollo's automatic persisted queries), kept in the database so
 * that every server knows what any of them was sent, with the documents of this server in memory.
 * In the {@code open} mode (the default) any client registers a document by sending it with its
 * hash; in the {@code registered} mode anonymous clients run only the documents editors registered
 * and the reader pages' own.
 */
@ApplicationScoped
public class PersistedQueries {

  /** Who registered a document. */
  public enum Source {
    /** Any client, with Apollo's protocol. */
    CLIENT,
    /** An editor or an administrator: allowed in the allow-list mode. */
    STAFF,
    /** The reader pages shipped in the WAR: allowed in the allow-list mode. */
    READER;

    boolean allowListed() {
      return this != CLIENT;
    }
  }

  /** A known document. */
  public record Document(String hash, String query, Source source) {}

  private static final Logger LOG = Logger.getLogger(PersistedQueries.class.getName());
  private static final HexFormat HEX = HexFormat.of();
  private static final int MAX_DOCUMENT_CHARACTERS = 100_000;
  private static final int MAX_DOCUMENT_TOKENS = 10_000;

  @Resource(lookup = "jdbc/jotter")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "jotter.graphql.persisted-queries", defaultValue = "open")
  String mode;

  @Inject
  @ConfigProperty(name = "jotter.graphql.persisted-queries.max-documents", defaultValue = "10000")
  long maxDocuments;

  private final Cache<String, Document> known =
      Caffeine.newBuilder()
          .maximumWeight(8L * 1024 * 1024)
          .<String, Document>weigher((hash, document) -> 100 + document.query().length())
          .build();
  private volatile boolean fullReported;
  private final java.util.Map<String, Document> builtIn =
      new java.util.concurrent.ConcurrentHashMap<>();

  @PostConstruct
  void checkMode() {
    if (!mode.equals("open") && !mode.equals("registered")) {
      throw new IllegalStateException(
          "jotter.graphql.persisted-queries must be 'open' or 'registered', not '" + mode + "'");
    }
  }

  /** True in the allow-list mode: anonymous clients run only registered documents. */
  public boolean allowListOnly() {
    return mode.equals("registered");
  }

  /** The SHA-256 of a document, as lower-case hex (what Apollo's clients send). */
  public static String hash(String query) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True for what a SHA-256 in hex looks like. */
  static boolean looksLikeHash(String hash) {
    return hash.length() == 64
        && hash.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  /** Documents the WAR ships (the reader pages'), known without the database. */
  void builtIn(List<String> queries) {
    for (String query : queries) {
      String hash = hash(query);
      builtIn.put(hash, new Document(hash, query, Source.READER));
    }
  }

  /** The document with this hash, from memory or from the database. */
  public Optional<Document> find(String hash) {
    String h = hash.toLowerCase(Locale.ROOT);
    Document document = builtIn.get(h);
    if (document == null) {
      document = known.getIfPresent(h);
    }
    if (document != null) {
      return Optional.of(document);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select document, source from persisted_query where hash = ?")) {
      ps.setString(1, h);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        document = new Document(h, rs.getString(1), Source.valueOf(rs.getString(2)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read persisted queries", e);
    }
    known.put(h, document);
    return Optional.of(document);
  }

  /**
   * Registers a document (that ran without errors) under its hash. A client's registration never
   * replaces one by staff; staff's raises a client's to staff. Past the configured number of
   * documents, clients' are no longer stored (they still run, sent with their query).
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Document register(String query, Source source) {
    String hash = hash(query);
    Optional<Document> existing = find(hash);
    if (existing.isPresent() && (existing.get().source().allowListed() || !source.allowListed())) {
      return existing.get();
    }
    Document document = new Document(hash, query, source);
    try (Connection c = dataSource.getConnection()) {
      if (existing.isPresent()) {
        try (PreparedStatement ps =
            c.prepareStatement("update persisted_query set source = ? where hash = ?")) {
          ps.setString(1, source.name());
          ps.setString(2, hash);
          ps.executeUpdate();
        }
      } else {
        if (!source.allowListed() && full(c)) {
          return document;
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into persisted_query (hash, document, source, registered_at)"
                    + " select ?, ?, ?, ? where not exists"
                    + " (select 1 from persisted_query where hash = ?)")) {
          ps.setString(1, hash);
          ps.setString(2, query);
          ps.setString(3, source.name());
          ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
          ps.setString(5, hash);
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      // another server registered it at the same moment: it is there either way
      LOG.fine(() -> "Registering persisted query " + hash + ": " + e);
    }
    known.invalidate(hash);
    return document;
  }

  /** At most this many documents in one registerPersistedQueries call. */
  public static final int MAX_REGISTERED_AT_ONCE = 100;

  /**
   * Registers documents for the allow-list (an editor's call): each must be a GraphQL document
   * within the transport's limits. Nothing is registered when one is not.
   *
   * @return their hashes, in order
   */
  public List<String> registerForAllowList(List<String> queries) throws InvalidArgumentException {
    if (queries.size() > MAX_REGISTERED_AT_ONCE) {
      throw new InvalidArgumentException(
          "documents: at most " + MAX_REGISTERED_AT_ONCE + " at once; send the rest after.");
    }
    for (int i = 0; i < queries.size(); i++) {
      String query = queries.get(i);
      if (query.length() > MAX_DOCUMENT_CHARACTERS) {
        throw new InvalidArgumentException(
            "documents[" + i + "]: longer than " + MAX_DOCUMENT_CHARACTERS + " characters.");
      }
      try {
        new GraphQLHttpRequest(query, null, null, null)
            .document(
                ParserOptions.getDefaultOperationParserOptions()
                    .transform(options -> options.maxTokens(MAX_DOCUMENT_TOKENS)));
      } catch (InvalidSyntaxException e) { // ParseCancelledException too: over the token limit
        throw new InvalidArgumentException(
            "documents[" + i + "]: not a GraphQL document within the limits: " + e.getMessage());
      }
    }
    List<String> hashes = new ArrayList<>();
    for (String query : queries) {
      hashes.add(register(query, Source.STAFF).hash());
    }
    return hashes;
  }

  private boolean full(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select count(*) from persisted_query");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      boolean full = rs.getLong(1) >= maxDocuments;
      if (full && !fullReported) {
        fullReported = true;
        LOG.warning(
            "The persisted queries reached jotter.graphql.persisted-queries.max-documents ("
                + maxDocuments
                + "): clients' new documents run but are no longer stored");
      }
      return full;
    }
  }
}
