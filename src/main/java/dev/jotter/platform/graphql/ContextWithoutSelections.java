package dev.jotter.platform.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.List;
import java.util.Map;

/**
 * SmallRye's fetchers (of plain getters too, which it marks trivial) get an environment whose
 * selection set is empty. Before it fetches any field, SmallRye builds its {@code Context} for the
 * call, and with it the field's selected fields as JSON, twice, walking all of the field's subtree
 * each time: for a post page's ~100 fields, a quarter of the page's CPU once its posts came from
 * memory. Jotter never reads them ({@code Context.getSelectedFields()} is empty for that reason:
 * ask graphql-java's environment instead); the engine itself does not read the fetcher's
 * environment for them, so nothing else changes.
 */
final class ContextWithoutSelections extends SimplePerformantInstrumentation {

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> fetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    if (fetcher instanceof PlainFieldFetchers.PlainFieldFetcher) {
      return fetcher; // builds no context
    }
    return environment -> fetcher.get(new WithoutSelections(environment));
  }

  private static final class WithoutSelections extends DelegatingDataFetchingEnvironment {
    WithoutSelections(DataFetchingEnvironment environment) {
      super(environment);
    }

    @Override
    public DataFetchingFieldSelectionSet getSelectionSet() {
      return NONE;
    }
  }

  private static final DataFetchingFieldSelectionSet NONE =
      new DataFetchingFieldSelectionSet() {
        @Override
        public boolean contains(String fieldGlobPattern) {
          return false;
        }

        @Override
        public boolean containsAnyOf(String fieldGlobPattern, String... fieldGlobPatterns) {
          return false;
        }

        @Override
        public boolean containsAllOf(String fieldGlobPattern, String... fieldGlobPatterns) {
          return false;
        }

        @Override
        public List<SelectedField> getFields() {
          return List.of();
        }

        @Override
        public List<SelectedField> getImmediateFields() {
          return List.of();
        }

        @Override
        public List<SelectedField> getFields(String fieldGlobPattern, String... fieldGlobPatterns) {
          return List.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey() {
          return Map.of();
        }

        @Override
        public Map<String, List<SelectedField>> getFieldsGroupedByResultKey(
            String fieldGlobPattern, String... fieldGlobPatterns) {
          return Map.of();
        }
      };
}
