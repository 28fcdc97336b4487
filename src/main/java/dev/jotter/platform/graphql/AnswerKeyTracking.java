package dev.jotter.platform.graphql;

import dev.jotter.platform.cache.AnswerKeys;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.FetchedValue;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;

/**
 * Tells the answer's {@link AnswerKeys} (when the transport passed one) about every completed
 * field, so that a cached answer is listed under the keys of what it shows.
 */
final class AnswerKeyTracking extends SimplePerformantInstrumentation {

  @Override
  public InstrumentationContext<Object> beginFieldCompletion(
      InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
    AnswerKeys keys =
        parameters.getExecutionContext().getGraphQLContext().get(AnswerKeys.CONTEXT_KEY);
    if (keys != null) {
      ExecutionStepInfo info = parameters.getExecutionStepInfo();
      Object value = parameters.getFetchedValue();
      if (value instanceof FetchedValue fetched) {
        value = fetched.getFetchedValue();
      }
      keys.completed(
          info.getPath().getLevel() == 1,
          info.getObjectType().getName(),
          info.getFieldDefinition().getName(),
          parameters.getExecutionStrategyParameters().getSource(),
          value);
    }
    return SimpleInstrumentationContext.noOp();
  }
}
