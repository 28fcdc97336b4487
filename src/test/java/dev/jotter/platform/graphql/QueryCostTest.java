package dev.jotter.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class QueryCostTest {

  static long cost(String query, JsonObject variables) {
    Document document = Parser.parse(query);
    return QueryCost.of(
        document, document.getDefinitionsOfType(OperationDefinition.class).get(0), variables);
  }

  @Test
  void everyFieldCountsOnceWithoutLists() {
    assertThat(cost("{ post(slug: \"a\") { title author { name } } }", null)).isEqualTo(4);
  }

  @Test
  void fieldsUnderAListCountOncePerItemItCanReturn() {
    assertThat(cost("{ posts(first: 10) { nodes { title } } }", null)).isEqualTo(1 + 10 + 10);
  }

  @Test
  void variablesAndFragmentsAreFollowed() {
    String query =
        "query($n: Int) { posts(first: $n) { nodes { ...Card } } }"
            + " fragment Card on Post { title slug }";
    assertThat(cost(query, Json.createObjectBuilder().add("n", 5).build())).isEqualTo(1 + 5 + 10);
  }

  @Test
  void nestedListsMultiply() {
    String query =
        "{ posts(first: 100) { nodes { author { posts(first: 100) { nodes {"
            + " author { posts(first: 100) { nodes { title } } } } } } } } }";
    assertThat(cost(query, null)).isGreaterThan(1_000_000);
  }

  @Test
  void aSelfReferencingFragmentDoesNotLoop() {
    String query = "{ posts { ...A } } fragment A on PostConnection { nodes { title } ...A }";
    assertThat(cost(query, null)).isEqualTo(3);
  }

  @Test
  void absurdNumbersSaturateInsteadOfOverflowing() {
    String query =
        "{ a(first: 999999999999) { b(first: 999999999999) { c(first: 999999999999) {"
            + " d(first: 999999999999) { e } } } } }";
    assertThat(cost(query, null)).isPositive();
  }
}
