package dev.jotter.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The work stops once an operation's budget is spent: later fields are not fetched. */
class ExecutionLimitsTest {

  final AtomicInteger fetched = new AtomicInteger();

  GraphQL engine(long sleepMillis, int valueLength) {
    GraphQLSchema schema =
        new SchemaGenerator()
            .makeExecutableSchema(
                new SchemaParser().parse("type Query { slow: String }"),
                RuntimeWiring.newRuntimeWiring()
                    .type(
                        TypeRuntimeWiring.newTypeWiring("Query")
                            .dataFetcher(
                                "slow",
                                env -> {
                                  fetched.incrementAndGet();
                                  Thread.sleep(sleepMillis);
                                  return "x".repeat(valueLength);
                                }))
                    .build());
    return GraphQL.newGraphQL(schema).instrumentation(new ExecutionLimits()).build();
  }

  static String aliases(int count) {
    StringBuilder query = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      query.append(" a").append(i).append(": slow");
    }
    return query.append(" }").toString();
  }

  void run(GraphQL engine, String query, ExecutionBudget budget) {
    engine.execute(
        ExecutionInput.newExecutionInput()
            .query(query)
            .graphQLContext(Map.of(ExecutionBudget.KEY, budget))
            .build());
  }

  @Test
  void pastTheDeadlineNoFurtherFieldIsFetched() {
    ExecutionBudget budget = ExecutionBudget.of(200, Long.MAX_VALUE);
    run(engine(50, 1), aliases(100), budget);
    assertThat(budget.exhausted()).isEqualTo(ExecutionBudget.Exhausted.TIMEOUT);
    // 0 is possible: on a loaded machine, parsing and validating the document cold can use up
    // the 200 ms before the first field (seen in a clean-clone run beside other builds)
    assertThat(fetched.get())
        .as("fields fetched of 100 (50 ms each, 200 ms allowed)")
        .isBetween(0, 20);
  }

  @Test
  void pastTheAnswerSizeNoFurtherFieldIsFetched() {
    ExecutionBudget budget = ExecutionBudget.of(60_000, 3_000_000);
    run(engine(0, 1_000_000), aliases(20), budget);
    assertThat(budget.exhausted()).isEqualTo(ExecutionBudget.Exhausted.RESPONSE_TOO_LARGE);
    assertThat(fetched.get()).as("1 MB fields fetched of 20").isBetween(3, 4);
  }

  @Test
  void withinTheBudgetEverythingRuns() {
    ExecutionBudget budget = ExecutionBudget.of(60_000, 1_000_000);
    run(engine(0, 10), aliases(20), budget);
    assertThat(budget.exhausted()).isNull();
    assertThat(fetched.get()).isEqualTo(20);
  }
}
