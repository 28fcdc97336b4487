package dev.jotter.platform.graphql;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Limits on the shape of a document, checked before anything runs: how many fields the operation
 * asks for at its root (each alias counts, and fields of fragments spread at the root), how many
 * levels of fields it nests, and how many aliases the whole document holds. The depth is counted as
 * graphql-java's {@code MaxQueryDepthInstrumentation} counts it (a field at the root is 1), which
 * did it on every execution with a traversal of the whole operation (3 % of an uncached page of
 * twenty posts); here it is one walk beside the others, each fragment measured once.
 */
final class DocumentLimits {

  private DocumentLimits() {}

  /** Why the operation is refused, or empty when it is within the limits. */
  static Optional<String> check(
      Document document,
      OperationDefinition operation,
      int maxRootFields,
      int maxDepth,
      int maxAliases) {
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.putIfAbsent(f.getName(), f));
    int roots = rootFields(operation.getSelectionSet(), fragments, new HashSet<>());
    if (roots > maxRootFields) {
      return Optional.of(
          "The operation asks for "
              + roots
              + " fields at its root; the limit is "
              + maxRootFields
              + ". Send fewer fields (or aliases) at once.");
    }
    int depth = depth(operation.getSelectionSet(), fragments, new HashMap<>());
    if (depth > maxDepth) {
      return Optional.of(
          "The operation nests fields "
              + depth
              + " levels deep; the limit is "
              + maxDepth
              + ". Ask for less at once, and follow links in another request.");
    }
    int aliases = 0;
    for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
      aliases += aliases(op.getSelectionSet());
    }
    for (FragmentDefinition fragment : fragments.values()) {
      aliases += aliases(fragment.getSelectionSet());
    }
    if (aliases > maxAliases) {
      return Optional.of(
          "The document holds "
              + aliases
              + " aliases; the limit is "
              + maxAliases
              + ". Ask for each field once.");
    }
    return Optional.empty();
  }

  /** The aliased fields of a selection set and those nested in it. */
  private static int aliases(SelectionSet set) {
    if (set == null) {
      return 0;
    }
    int count = 0;
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field field) {
        count += (field.getAlias() != null ? 1 : 0) + aliases(field.getSelectionSet());
      } else if (selection instanceof InlineFragment inline) {
        count += aliases(inline.getSelectionSet());
      }
    }
    return count;
  }

  /**
   * How many levels of fields the selection set nests (a leaf is 1), through fragments; each
   * fragment's depth is worked out once ({@code known}), and a fragment spreading itself counts no
   * deeper for it (validation refuses it later).
   */
  private static int depth(
      SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Integer> known) {
    if (set == null) {
      return 0;
    }
    int deepest = 0;
    for (Selection<?> selection : set.getSelections()) {
      int depth = 0;
      if (selection instanceof Field field) {
        depth = 1 + depth(field.getSelectionSet(), fragments, known);
      } else if (selection instanceof InlineFragment inline) {
        depth = depth(inline.getSelectionSet(), fragments, known);
      } else if (selection instanceof FragmentSpread spread
          && fragments.containsKey(spread.getName())) {
        Integer measured = known.get(spread.getName());
        if (measured == null) {
          known.put(spread.getName(), 0); // under way
          measured = depth(fragments.get(spread.getName()).getSelectionSet(), fragments, known);
          known.put(spread.getName(), measured);
        }
        depth = measured;
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  }

  private static int rootFields(
      SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen) {
    if (set == null) {
      return 0;
    }
    int count = 0;
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field) {
        count++;
      } else if (selection instanceof InlineFragment inline) {
        count += rootFields(inline.getSelectionSet(), fragments, seen);
      } else if (selection instanceof FragmentSpread spread
          && fragments.containsKey(spread.getName())
          && seen.add(spread.getName())) {
        count += rootFields(fragments.get(spread.getName()).getSelectionSet(), fragments, seen);
      }
    }
    return count;
  }
}
