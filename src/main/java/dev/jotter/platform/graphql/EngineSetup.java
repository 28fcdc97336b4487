package dev.jotter.platform.graphql;

import graphql.GraphQL;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.smallrye.graphql.spi.EventingService;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Jotter's hook into SmallRye's engine (a {@link EventingService}, found through {@code
 * META-INF/services}): the engine runs with the depth limit, {@link ExecutionLimits} and a bounded
 * cache of validated documents ({@link ValidatedDocuments}, in place of SmallRye's, which relies on
 * the instrumentation replaced here), {@link NullMeansDefault} and {@link AnswerKeyTracking}.
 * SmallRye's complexity limit is not used: the transport's {@link QueryCost} replaces it.
 */
public final class EngineSetup implements EventingService {

  @Override
  public String getConfigKey() {
    return null; // always on
  }

  @Override
  public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
    int depth =
        ConfigProvider.getConfig()
            .getOptionalValue("smallrye.graphql.instrumentation.queryDepth", Integer.class)
            .orElse(15);
    return builder
        .instrumentation(
            new ChainedInstrumentation(
                List.of(
                    new MaxQueryDepthInstrumentation(depth),
                    new ContextWithoutSelections(),
                    new ExecutionLimits(),
                    new NullMeansDefault(),
                    new AnswerKeyTracking())))
        .preparsedDocumentProvider(new ValidatedDocuments());
  }
}
