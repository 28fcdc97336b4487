package dev.jotter.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryCostTest {

  /** Jotter's shapes in small: a connection sized by first, fixed-size lists, weighted counts. */
  static final GraphQLSchema SCHEMA =
      new SchemaGenerator()
          .makeExecutableSchema(
              new SchemaParser()
                  .parse(
                      """
                      directive @listSize(assumedSize: Int = -1, slicingArguments: [String],
                        sizedFields: [String]) on FIELD_DEFINITION
                      directive @cost(weight: Int!) on FIELD_DEFINITION
                      type Query {
                        post(slug: String): Post
                        posts(first: Int = 10, after: String): PostConnection!
                          @listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])
                        tags(first: Int = 100): [Tag!]! @listSize(slicingArguments: ["first"])
                        search(query: String!, first: Int = 10): SearchConnection!
                          @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
                          @cost(weight: 10)
                        undeclared: [Tag!]!
                      }
                      type PostConnection {
                        edges: [PostEdge!]!
                        nodes: [Post!]!
                        totalCount: Int! @cost(weight: 10)
                      }
                      type PostEdge { cursor: String! node: Post! }
                      type SearchConnection { edges: [SearchEdge!]! }
                      type SearchEdge { node: Post! }
                      type Post {
                        title: String!
                        headings: [String!]! @listSize(assumedSize: 500)
                        tags: [Tag!]! @listSize(assumedSize: 15)
                        author: Author!
                      }
                      type Author {
                        name: String!
                        posts(first: Int = 10): PostConnection!
                          @listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])
                      }
                      type Tag {
                        name: String!
                        posts(first: Int = 10): PostConnection!
                          @listSize(slicingArguments: ["first"], sizedFields: ["edges", "nodes"])
                      }
                      """),
              RuntimeWiring.newRuntimeWiring().build());

  static QueryCost.Result cost(String query, JsonObject variables, long limit) throws Exception {
    Document document = Parser.parse(query);
    return QueryCost.of(
        SCHEMA,
        document,
        document.getDefinitionsOfType(OperationDefinition.class).get(0),
        variables,
        limit);
  }

  static long cost(String query, JsonObject variables) throws Exception {
    return cost(query, variables, Long.MAX_VALUE).cost();
  }

  static long cost(String query) throws Exception {
    return cost(query, null);
  }

  @Test
  void everyFieldCountsOnceWithoutLists() throws Exception {
    assertThat(cost("{ post(slug: \"a\") { title author { name } } }")).isEqualTo(4);
  }

  @Test
  void aConnectionsListsAreSizedByTheFieldThatReturnedIt() throws Exception {
    // posts 1 + 10 nodes × (nodes 1... the list field) : posts(1) + nodes(1 + 10 × title 1)
    assertThat(cost("{ posts(first: 10) { nodes { title } } }")).isEqualTo(1 + 1 + 10);
    assertThat(cost("{ posts(first: 10) { edges { cursor node { title } } } }"))
        .isEqualTo(1 + 1 + 10 * (1 + 1 + 1));
  }

  @Test
  void aMissingFirstCountsItsDefaultNotOne() throws Exception {
    assertThat(cost("{ posts { nodes { title } } }")).isEqualTo(1 + 1 + 10);
    assertThat(cost("{ tags { name } }")).isEqualTo(1 + 100);
  }

  @Test
  void variablesCountWithTheirValueTheirDefaultOrTheArgumentsDefault() throws Exception {
    String query = "query($n: Int) { posts(first: $n) { nodes { title } } }";
    assertThat(cost(query, Json.createObjectBuilder().add("n", 5).build())).isEqualTo(1 + 1 + 5);
    assertThat(cost(query, null)).as("absent: the argument's default").isEqualTo(1 + 1 + 10);
    String withDefault = "query($n: Int = 40) { posts(first: $n) { nodes { title } } }";
    assertThat(cost(withDefault, null)).as("the variable's default").isEqualTo(1 + 1 + 40);
  }

  @Test
  void fixedListsCountTheirSizeAndCountsTheirWeight() throws Exception {
    assertThat(cost("{ post(slug: \"a\") { tags { name } } }")).isEqualTo(1 + 1 + 15);
    assertThat(cost("{ posts(first: 2) { totalCount } }")).isEqualTo(1 + 10);
    assertThat(cost("{ search(query: \"x\", first: 3) { edges { node { title } } } }"))
        .isEqualTo(10 + 1 + 3 * (1 + 1));
  }

  @Test
  void aliasesMultiply() throws Exception {
    assertThat(cost("{ a: post(slug: \"a\") { title } b: post(slug: \"b\") { title } }"))
        .isEqualTo(4);
  }

  @Test
  void nestedListsMultiply() throws Exception {
    String query =
        "{ posts(first: 100) { nodes { author { posts(first: 100) { nodes {"
            + " author { posts(first: 100) { nodes { title } } } } } } } } }";
    assertThat(cost(query)).isGreaterThan(1_000_000);
  }

  /**
   * Finding 2 of issue 9: tags → posts(first: $n) → tags → posts, with $n absent from the
   * variables, three levels under three aliases, answered 63 MB because lists and absent variables
   * counted as one item.
   */
  @Test
  void theSixtyThreeMegabyteQueryIsCountedAtItsSize() throws Exception {
    String level =
        "posts(first: $n) { nodes { title tags { posts(first: $n) { nodes { title } } } } }";
    String query =
        "query($n: Int) { a: tags { "
            + level
            + " } b: tags { "
            + level
            + " } c: tags { "
            + level
            + " } }";
    long cost = cost(query);
    assertThat(cost).isGreaterThan(3L * 100 * 10 * 15 * 10);
    assertThat(cost(query, null, 50_000).overLimit()).isTrue();
  }

  /**
   * Finding 1 of issue 9: fragments that each spread the next twice cost 2^n steps to walk, so 40
   * of them (about 1 KB) kept a thread busy practically forever. Each fragment is now costed once.
   */
  @Test
  void fragmentsSpreadTwiceAtEveryLevelAreCostedInLinearTime() {
    int levels = 40;
    StringBuilder query = new StringBuilder("{ post(slug: \"a\") { ...F0 } }");
    for (int i = 0; i < levels; i++) {
      query.append(" fragment F").append(i).append(" on Post { ...F").append(i + 1);
      query.append(" ...F").append(i + 1).append(" }");
    }
    query.append(" fragment F").append(levels).append(" on Post { title }");
    QueryCost.Result result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> cost(query.toString(), null, Long.MAX_VALUE));
    assertThat(result.cost()).as("2^40 titles, plus the post").isEqualTo(1 + (1L << levels));
    assertThat(
            assertTimeoutPreemptively(
                    Duration.ofSeconds(10), () -> cost(query.toString(), null, 50_000))
                .overLimit())
        .isTrue();
  }

  @Test
  void aFragmentThatSpreadsItselfIsRefused() {
    String query =
        "{ posts { nodes { ...A } } } fragment A on Post { title ...B }"
            + " fragment B on Post { author { name } ...A }";
    assertThatThrownBy(() -> cost(query))
        .isInstanceOf(QueryCost.FragmentCycle.class)
        .hasMessageContaining("A → B → A");
  }

  @Test
  void theWalkStopsOnceTheTotalPassesTheLimit() throws Exception {
    QueryCost.Result result = cost("{ posts(first: 100) { nodes { tags { name } } } }", null, 50);
    assertThat(result.overLimit()).isTrue();
    assertThat(result.cost()).isGreaterThan(50);
  }

  @Test
  void absurdNumbersSaturateInsteadOfOverflowing() throws Exception {
    String query =
        "{ posts(first: 999999999999) { nodes { author { posts(first: 999999999999) { nodes {"
            + " author { posts(first: 999999999999) { nodes { title } } } } } } } } }";
    assertThat(cost(query)).isPositive();
  }

  @Test
  void introspectionCostsTheSizeOfTheSchema() throws Exception {
    long size = QueryCost.SchemaSize.of(SCHEMA);
    assertThat(size).isGreaterThan(20);
    assertThat(cost("{ __schema { types { name fields { name } } } }")).isEqualTo(size);
    assertThat(cost("{ __typename }")).isEqualTo(1);
  }
}
