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
 * asks for at its root (each alias counts, and fields of fragments spread at the root), and how
 * many aliases the whole document holds.
 */
final class DocumentLimits {

  private DocumentLimits() {}

  /** Why the operation is refused, or empty when it is within the limits. */
  static Optional<String> check(
      Document document, OperationDefinition operation, int maxRootFields, int maxAliases) {
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
