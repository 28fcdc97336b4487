package dev.jotter.platform.graphql;

import static graphql.schema.visibility.DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY;

import graphql.GraphQL;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.spi.EventingService;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Jotter's hook into SmallRye's engine (a {@link EventingService}, found through {@code
 * META-INF/services}): the engine runs with Jotter's {@link FieldInstrumentation} ({@link
 * ExecutionLimits}, {@link NullMeansDefault}, {@link AnswerKeyTracking}) and a bounded cache of
 * validated documents ({@link ValidatedDocuments}, in place of SmallRye's, which relies on the
 * instrumentation replaced here). SmallRye's complexity and depth limits are not used: the
 * transport's {@link QueryCost} and {@link DocumentLimits} replace them.
 */
public final class EngineSetup implements EventingService {

  private static final String FIELD_VISIBILITY = "smallrye.graphql.fieldVisibility";

  @Override
  public String getConfigKey() {
    return null; // always on
  }

  @Override
  public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
    return withEveryFieldVisible(builder)
        .instrumentation(new FieldInstrumentation())
        .preparsedDocumentProvider(new ValidatedDocuments());
  }

  /**
   * SmallRye 2.11 reads its own default field visibility ("default") as a pattern of fields to
   * hide: it blocks no field, but every lookup of a field during execution builds the field's name
   * and matches it against that pattern (3 % of an uncached page of twenty posts). Unless a
   * visibility is configured, the engine's schema gets graphql-java's default, which hides nothing.
   * The builder holds the schema SmallRye made; building it once is how to read it.
   */
  private static GraphQL.Builder withEveryFieldVisible(GraphQL.Builder builder) {
    String configured =
        ConfigProvider.getConfig().getOptionalValue(FIELD_VISIBILITY, String.class).orElse("");
    if (!configured.isEmpty() && !configured.equals("default")) {
      return builder;
    }
    GraphQLSchema schema = builder.build().getGraphQLSchema();
    GraphQLCodeRegistry registry =
        schema.getCodeRegistry().transform(code -> code.fieldVisibility(DEFAULT_FIELD_VISIBILITY));
    return builder.schema(schema.transform(changed -> changed.codeRegistry(registry)));
  }
}
