package dev.jotter.platform.graphql;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An upper bound of how many fields an operation can resolve: every field counts once for each item
 * its parents can return, and a field with a {@code first} argument can return that many. Depth and
 * complexity limits miss {@code posts(first: 100) { nodes { author { posts(first: 100) ...}}}},
 * which asks for millions of fields in a few lines; this catches it before it runs.
 */
final class QueryCost {

  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final JsonObject variables;

  private QueryCost(Document document, JsonObject variables) {
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.put(f.getName(), f));
    this.variables = variables;
  }

  /** The most fields {@code operation} can resolve. */
  static long of(Document document, OperationDefinition operation, JsonObject variables) {
    return new QueryCost(document, variables).cost(operation.getSelectionSet(), 1, new HashSet<>());
  }

  private long cost(SelectionSet set, long items, Set<String> inFragments) {
    if (set == null) {
      return 0;
    }
    long total = 0;
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field field) {
        long fieldItems = saturatedMultiply(items, first(field));
        total = saturatedAdd(total, items);
        total = saturatedAdd(total, cost(field.getSelectionSet(), fieldItems, inFragments));
      } else if (selection instanceof InlineFragment inline) {
        total = saturatedAdd(total, cost(inline.getSelectionSet(), items, inFragments));
      } else if (selection instanceof FragmentSpread spread
          && fragments.containsKey(spread.getName())
          && inFragments.add(spread.getName())) {
        total =
            saturatedAdd(
                total, cost(fragments.get(spread.getName()).getSelectionSet(), items, inFragments));
        inFragments.remove(spread.getName());
      }
    }
    return total;
  }

  /** How many items the field can return: its {@code first} argument, else one. */
  private long first(Field field) {
    for (Argument argument : field.getArguments()) {
      if (!argument.getName().equals("first")) {
        continue;
      }
      if (argument.getValue() instanceof IntValue value) {
        return Math.max(
            1, value.getValue().min(java.math.BigInteger.valueOf(1_000_000)).longValue());
      }
      if (argument.getValue() instanceof VariableReference ref
          && variables != null
          && variables.get(ref.getName()) instanceof JsonNumber number) {
        return Math.max(1, Math.min(1_000_000, number.longValue()));
      }
    }
    return 1;
  }

  private static long saturatedMultiply(long a, long b) {
    long r = a * b;
    return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
