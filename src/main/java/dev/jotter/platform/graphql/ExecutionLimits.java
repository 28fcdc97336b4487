package dev.jotter.platform.graphql;

import graphql.execution.FetchedValue;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * Holds each operation to its {@link ExecutionBudget}: before a field is fetched the budget is
 * checked, and the values fields return are counted against the answer's size.
 */
final class ExecutionLimits extends SimplePerformantInstrumentation {

  /** Roughly what a field adds to the JSON besides its value: its name, quotes, a comma. */
  private static final int FIELD_OVERHEAD = 16;

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> dataFetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    ExecutionBudget budget = budget(parameters.getEnvironment());
    if (budget == null) {
      return dataFetcher;
    }
    return environment -> {
      budget.check();
      return dataFetcher.get(environment);
    };
  }

  @Override
  public InstrumentationContext<Object> beginFieldCompletion(
      InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
    ExecutionBudget budget =
        parameters.getExecutionContext().getGraphQLContext().get(ExecutionBudget.KEY);
    if (budget != null) {
      Object value = parameters.getFetchedValue();
      if (value instanceof FetchedValue fetched) {
        value = fetched.getFetchedValue();
      }
      budget.spend(FIELD_OVERHEAD + (value instanceof CharSequence text ? text.length() : 8));
    }
    return SimpleInstrumentationContext.noOp();
  }

  private static ExecutionBudget budget(DataFetchingEnvironment environment) {
    return environment.getGraphQlContext().get(ExecutionBudget.KEY);
  }
}
