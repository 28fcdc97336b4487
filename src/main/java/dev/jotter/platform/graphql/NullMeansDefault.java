package dev.jotter.platform.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLArgument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An argument given as an explicit {@code null} that has a default value gets the default: {@code
 * posts(first: null)} is {@code posts}, as when a client sends {@code first: $first} with the
 * variable left null. Without this the engine hands the resolver a null for a number it declared as
 * {@code int} and the answer is INTERNAL_SERVER_ERROR. Fields without such an argument are
 * untouched (their fetcher is returned as it is).
 */
final class NullMeansDefault extends SimplePerformantInstrumentation {

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> fetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    if (parameters.isTrivialDataFetcher()) {
      return fetcher;
    }
    List<GraphQLArgument> declared = parameters.getField().getArguments();
    if (declared.isEmpty()) {
      return fetcher;
    }
    DataFetchingEnvironment environment = parameters.getEnvironment();
    Map<String, Object> given = environment.getArguments();
    Map<String, Object> mended = null;
    for (GraphQLArgument argument : declared) {
      String name = argument.getName();
      if (argument.hasSetDefaultValue() && given.containsKey(name) && given.get(name) == null) {
        if (mended == null) {
          mended = new HashMap<>(given);
        }
        mended.put(name, GraphQLArgument.getArgumentDefaultValue(argument));
      }
    }
    if (mended == null) {
      return fetcher;
    }
    Map<String, Object> arguments = mended;
    return ignored ->
        fetcher.get(
            DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment)
                .arguments(arguments)
                .build());
  }
}
