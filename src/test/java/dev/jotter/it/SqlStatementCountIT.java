package dev.jotter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jotter.content.internal.PublishedPostViews;
import dev.jotter.discovery.internal.DiscoveryService;
import dev.jotter.discovery.internal.RelatedListCache;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page of posts with author, authors, tags and primary tag costs the same few SQL statements
 * whatever its size: no N+1. Counted by H2's own statistics while the request runs over HTTP (the
 * read transaction's COMMIT is listed but not counted: it is not a query), with the server's read
 * models of posts and related lists emptied first; with them full, a post page costs none.
 */
@ExtendWith(ArquillianExtension.class)
class SqlStatementCountIT {

  static final String AUTHOR = "statement-counter";
  static final String PAGE_QUERY =
      """
      query($first: Int) {
        posts(first: $first, author: "statement-counter") {
          edges { cursor node {
            title excerpt readingTime { label } headings { anchor }
            author { name bio } authors { name } tags { name slug } primaryTag { name }
          } }
          pageInfo { hasNextPage endCursor }
        }
      }""";

  @Deployment
  static WebArchive deployment() {
    return Deployments.jotter(TestContent.class, GraphQLClient.class, StaffFixture.class);
  }

  @Inject TestContent content;
  @Inject PublishedPostViews postViews;
  @Inject RelatedListCache relatedLists;
  @Inject DiscoveryService discovery;
  @ArquillianResource URL base;

  @Test
  void aPageOfPostsCostsAtMostFourStatementsWhateverItsSize() throws Exception {
    ensureFiftyPosts();
    GraphQLClient client = new GraphQLClient(base.toURI());
    client.data(PAGE_QUERY, first(50)); // warm-up: EclipseLink prepares its queries once

    long forFive = statementsDuring(() -> assertPage(client, 5));
    long forFifty = statementsDuring(() -> assertPage(client, 50));

    System.out.println(
        String.format(
            "SQL statements for a page of posts: 5 posts -> %d, 50 posts -> %d",
            forFive, forFifty));
    statements.forEach(sql -> System.out.println("  " + sql));
    assertEquals(forFive, forFifty, "statements must not grow with the page size");
    // the page's ids, then the posts (the read model holds none) with their authors and tags
    assertTrue(
        forFive >= 1 && forFive <= 4, "at most 4 statements, was " + forFive + ": " + statements);
  }

  @Test
  void postsOfEveryTagInAListCostTheSameAsForOneTag() throws Exception {
    ensureFiftyPosts();
    GraphQLClient client = new GraphQLClient(base.toURI());
    String nested = "{ %s { posts(first: 5) { nodes { title author { name } tags { name } } } } }";
    String one = String.format(nested, "tag(slug: \"counted\")");
    String all = String.format(nested, "tags");
    client.data(one); // warm-up: EclipseLink prepares its queries once
    client.data(all);
    int tags = client.data("{ tags { slug } }").getJsonArray("tags").size();

    long forOne = statementsDuring(() -> client.data(uncached(one)));
    long forAll = statementsDuring(() -> client.data(uncached(all)));

    System.out.println(
        String.format(
            "SQL statements for posts of tags: 1 tag -> %d, %d tags -> %d", forOne, tags, forAll));
    assertTrue(tags > 3, "several tags to list");
    assertEquals(forOne, forAll, "statements must not grow with the number of tags: " + statements);
    assertTrue(forAll <= 5, "at most 5 statements, was " + forAll + ": " + statements);
  }

  /** The reader's post page, as bench/http.sh and the reader pages ask for it. */
  static final String POST_PAGE_QUERY =
      """
      query($slug: String!) { post(slug: $slug) { slug title subtitle html
        headings { level text anchor } publishedAt readingTime { label } primaryTag { name slug }
        tags { name slug } author { name slug } authors { name slug bio avatarUrl }
        related(first: 3) { score reasons sharedTags { name slug }
          post { slug title readingTime { label } primaryTag { name slug } } } } }""";

  /**
   * The post page with its related posts costs seven statements: the post, its authors and tags,
   * the related list, and the related posts with their authors and tags.
   */
  @Test
  void thePostPageWithRelatedPostsCostsAFewStatements() throws Exception {
    GraphQLClient client = new GraphQLClient(base.toURI());
    var slug = Json.createObjectBuilder().add("slug", "twenty-minutes-to-mars").build();
    client.data(POST_PAGE_QUERY, slug); // warm-up

    long count =
        statementsDuring(
            () -> {
              var post = client.data(uncached(POST_PAGE_QUERY), slug).getJsonObject("post");
              assertEquals(3, post.getJsonArray("related").size());
            });

    System.out.println("SQL statements for the post page with related posts: " + count);
    statements.forEach(sql -> System.out.println("  " + sql));
    assertTrue(count <= 7, "at most 7 statements, was " + count + ": " + statements);
  }

  /**
   * With its posts, its related list and the page's ids in this server's read models, neither the
   * post page nor a page of posts runs a statement, whatever its size.
   */
  @Test
  void withWhatTheyShowInMemoryThePostPageAndAPageOfPostsRunNoStatement() throws Exception {
    ensureFiftyPosts();
    GraphQLClient client = new GraphQLClient(base.toURI());
    var slug = Json.createObjectBuilder().add("slug", "twenty-minutes-to-mars").build();

    long postPage =
        warmStatementsDuring(
            () -> {
              var post = client.data(uncached(POST_PAGE_QUERY), slug).getJsonObject("post");
              assertEquals(3, post.getJsonArray("related").size());
            });
    List<String> postStatements = List.copyOf(statements);
    long forFive = warmStatementsDuring(() -> assertPage(client, 5));
    List<String> fiveStatements = List.copyOf(statements);
    long forFifty = warmStatementsDuring(() -> assertPage(client, 50));

    System.out.println(
        String.format(
            "SQL statements with the read models full: post page %d, 5 posts %d, 50 posts %d",
            postPage, forFive, forFifty));
    assertEquals(0, postPage, "no statement: " + postStatements);
    assertEquals(0, forFive, "no statement: " + fiveStatements);
    assertEquals(0, forFifty, "no statement: " + statements);
  }

  static final String STAFF_PAGE_QUERY =
      """
      query($first: Int) {
        staffPosts(query: "statement-counter", first: $first) {
          edges { cursor node {
            title status excerpt readingTime { label } headings { anchor }
            author { name bio } authors { name } tags { name slug } primaryTag { name }
          } }
          pageInfo { hasNextPage endCursor }
        }
      }""";

  /** The writing app's list costs the same few statements for 5 posts and for 50. */
  @Test
  void aPageOfTheStaffListCostsTheSameWhateverItsSize() throws Exception {
    ensureFiftyPosts();
    GraphQLClient client = new GraphQLClient(base.toURI());
    StaffFixture staff = new StaffFixture(client);
    String token = staff.admin();
    staff.data(token, STAFF_PAGE_QUERY, "first", 50); // warm-up

    long forFive = statementsDuring(() -> assertStaffPage(staff, token, 5));
    long forFifty = statementsDuring(() -> assertStaffPage(staff, token, 50));

    System.out.println(
        String.format(
            "SQL statements for a page of staffPosts: 5 posts -> %d, 50 posts -> %d",
            forFive, forFifty));
    statements.forEach(sql -> System.out.println("  " + sql));
    assertEquals(forFive, forFifty, "statements must not grow with the page size: " + statements);
    assertTrue(forFive <= 5, "at most 5 statements, was " + forFive + ": " + statements);
  }

  private static void assertStaffPage(StaffFixture staff, String token, int size) {
    var edges =
        staff
            .data(token, STAFF_PAGE_QUERY, "first", size)
            .getJsonObject("staffPosts")
            .getJsonArray("edges");
    assertEquals(size, edges.size());
    assertEquals(2, edges.getJsonObject(0).getJsonObject("node").getJsonArray("authors").size());
  }

  private static void assertPage(GraphQLClient client, int size) {
    var edges =
        client.data(uncached(PAGE_QUERY), first(size)).getJsonObject("posts").getJsonArray("edges");
    assertEquals(size, edges.size());
    var node = edges.getJsonObject(0).getJsonObject("node");
    assertEquals(2, node.getJsonArray("authors").size());
    assertEquals(2, node.getJsonArray("tags").size(), "the internal tag is not shown");
    assertEquals("Counted", node.getJsonObject("primaryTag").getString("name"));
  }

  private void ensureFiftyPosts() {
    if (hasFiftyPosts()) {
      return; // both tests of this class need them; the first one made them
    }
    OffsetDateTime start = OffsetDateTime.parse("2020-01-01T00:00:00Z");
    for (int i = 0; i < 50; i++) {
      content.post(
          AUTHOR + "-" + i,
          "## Part\n\nSome words for post " + i + ".",
          List.of(AUTHOR, "statement-coauthor"),
          List.of("Counted", "#counter", "Measured"),
          start.plusHours(i));
    }
  }

  private boolean hasFiftyPosts() {
    return countRows("select count(*) from post where slug like '" + AUTHOR + "-%'") >= 50;
  }

  private static final java.util.concurrent.atomic.AtomicLong RUNS =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * The query as a document the server has not answered yet (a comment makes it new), so it is run,
   * not served from the response cache.
   */
  private static String uncached(String query) {
    return query + "\n# run " + RUNS.incrementAndGet();
  }

  private static jakarta.json.JsonObject first(int n) {
    return Json.createObjectBuilder().add("first", n).build();
  }

  /** The change relay's poll of the change log (every half second, on its own thread). */
  static final String CHANGE_RELAY_POLL = "select last_id from change_log_counter";

  /** The statements of the last measurement, with their execution counts, for the report. */
  private final List<String> statements = new ArrayList<>();

  /** Statements of {@code work} with the read models emptied before each run. */
  private long statementsDuring(Runnable work) throws Exception {
    return fewestStatements(
        () -> {
          postViews.clear();
          relatedLists.clear();
          work.run();
        });
  }

  /**
   * Statements of {@code work} run after itself: the read models hold what it read (a change the
   * change log brings meanwhile empties them, which a later run does not see).
   */
  private long warmStatementsDuring(Runnable work) throws Exception {
    work.run();
    return fewestStatements(work);
  }

  /**
   * Statements H2 executed while {@code work} ran (H2's QUERY_STATISTICS). The statistics are
   * database-wide: the change relay's poll (every half second) can land in a measurement, and it
   * only ever adds statements, so the fewest of three runs is the work's own count (and the poll is
   * not counted at all).
   */
  private long fewestStatements(Runnable work) throws Exception {
    awaitDiscoverySettled();
    long fewest = Long.MAX_VALUE;
    List<String> fewestStatements = List.of();
    for (int attempt = 0; attempt < 3; attempt++) {
      long count = statementsDuringOnce(work);
      if (count < fewest) {
        fewest = count;
        fewestStatements = List.copyOf(statements);
      }
    }
    statements.clear();
    statements.addAll(fewestStatements);
    return fewest;
  }

  /**
   * Once the blog is quiet (2 s on the test server), discovery settles every stored related list in
   * the background, reading them in chunks: on a slow machine that went on through all three runs
   * of a measurement after another test had published fifty posts. Wait for it (at most 30 s).
   */
  private void awaitDiscoverySettled() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!discovery.settled() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(discovery.settled(), "discovery settled its lists within 30 s");
  }

  private long statementsDuringOnce(Runnable work) throws Exception {
    DataSource ds = InitialContext.doLookup("jdbc/jotter");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
      s.execute("SET QUERY_STATISTICS TRUE");
      try {
        work.run();
        statements.clear();
        long total = 0;
        try (ResultSet rs =
            s.executeQuery(
                "select EXECUTION_COUNT, SQL_STATEMENT"
                    + " from INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " where SQL_STATEMENT not like '%QUERY_STATISTICS%'")) {
          // the read transaction's COMMIT is reported but is not a query; the change relay's poll
          // is never a read request's (a request slower than its half second had it in every run)
          while (rs.next()) {
            String sql = rs.getString(2);
            statements.add(rs.getLong(1) + "x " + sql);
            if (!sql.equalsIgnoreCase("COMMIT") && !sql.equals(CHANGE_RELAY_POLL)) {
              total += rs.getLong(1);
            }
          }
        }
        return total;
      } finally {
        s.execute("SET QUERY_STATISTICS FALSE");
      }
    }
  }

  private static long countRows(String sql) {
    try {
      DataSource ds = InitialContext.doLookup("jdbc/jotter");
      try (Connection c = ds.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException | javax.naming.NamingException e) {
      throw new IllegalStateException(e);
    }
  }
}
