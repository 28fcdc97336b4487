package dev.jotter.platform.graphql;

import graphql.introspection.Introspection;
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
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An upper bound of what an operation can cost before it runs, linear in the size of the document.
 *
 * <p>Every field counts its weight ({@code @cost}, else 1) once for each item its parents can
 * return. A list field returns at most its {@code @listSize}: the value of its slicing argument
 * ({@code first}) after variables and defaults are applied, or its fixed {@code assumedSize}; a
 * connection's {@code edges} and {@code nodes} take the size from the field that returned the
 * connection. Aliases count separately. A fragment's cost is computed once for each place it is
 * used from (not again at every spread), spread cycles are refused, and the walk stops as soon as
 * the total passes the limit. Introspection ({@code __schema}, {@code __type}) costs as much as the
 * schema it describes: graphql-java's good-faith rules allow each introspection list once.
 */
final class QueryCost {

  /** The size of a list whose field declares none (every Jotter list declares one). */
  static final int UNDECLARED_LIST_SIZE = 100;

  private static final long MAX_ARGUMENT = 1_000_000;

  /** A document that cannot be costed: a fragment that spreads itself. */
  static final class FragmentCycle extends Exception {
    private static final long serialVersionUID = 1L;

    FragmentCycle(String message) {
      super(message);
    }
  }

  /** What an operation can cost, and whether that passes the limit (then cost is a lower bound). */
  record Result(long cost, long limit) {
    boolean overLimit() {
      return cost > limit;
    }
  }

  private static final class OverLimit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long cost;

    OverLimit(long cost) {
      super(null, null, false, false);
      this.cost = cost;
    }
  }

  private final GraphQLSchema schema;
  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final Map<String, Long> fragmentCosts = new HashMap<>();
  private final Set<String> spreading = new LinkedHashSet<>();
  private final Map<String, VariableDefinition> variableDefinitions = new HashMap<>();
  private final JsonObject variables;
  private final long limit;

  private QueryCost(
      GraphQLSchema schema,
      Document document,
      OperationDefinition operation,
      JsonObject variables,
      long limit) {
    this.schema = schema;
    this.variables = variables;
    this.limit = limit;
    document
        .getDefinitionsOfType(FragmentDefinition.class)
        .forEach(f -> fragments.putIfAbsent(f.getName(), f));
    operation.getVariableDefinitions().forEach(v -> variableDefinitions.put(v.getName(), v));
  }

  /** The cost of {@code operation}, stopping early once it passes {@code limit}. */
  static Result of(
      GraphQLSchema schema,
      Document document,
      OperationDefinition operation,
      JsonObject variables,
      long limit)
      throws FragmentCycle {
    QueryCost cost = new QueryCost(schema, document, operation, variables, limit);
    GraphQLFieldsContainer root =
        switch (operation.getOperation()) {
          case MUTATION -> schema.getMutationType();
          case SUBSCRIPTION -> schema.getSubscriptionType();
          default -> schema.getQueryType();
        };
    try {
      return new Result(cost.selections(operation.getSelectionSet(), root, Map.of()), limit);
    } catch (OverLimit e) {
      return new Result(e.cost, limit);
    } catch (CycleFound e) {
      throw new FragmentCycle(e.getMessage());
    }
  }

  private static final class CycleFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CycleFound(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The cost of a selection set for one item of {@code type}. {@code sized}: list sizes the parent
   * field gives to fields of this selection (a connection's edges and nodes).
   */
  private long selections(SelectionSet set, GraphQLType type, Map<String, Long> sized) {
    if (set == null) {
      return 0;
    }
    long total = 0;
    for (Selection<?> selection : set.getSelections()) {
      long cost = 0;
      if (selection instanceof Field field) {
        cost = field(field, type, sized);
      } else if (selection instanceof InlineFragment inline) {
        GraphQLType on =
            inline.getTypeCondition() == null
                ? type
                : schema.getType(inline.getTypeCondition().getName());
        cost = selections(inline.getSelectionSet(), on, sized);
      } else if (selection instanceof FragmentSpread spread) {
        cost = fragment(spread.getName(), sized);
      }
      total = checked(add(total, cost));
    }
    return total;
  }

  private long fragment(String name, Map<String, Long> sized) {
    FragmentDefinition fragment = fragments.get(name);
    if (fragment == null) {
      return 0; // validation refuses the document
    }
    String key = sized.isEmpty() ? name : name + sized;
    Long known = fragmentCosts.get(key);
    if (known != null) {
      return known;
    }
    if (!spreading.add(name)) {
      List<String> path = new ArrayList<>(spreading);
      path = path.subList(path.indexOf(name), path.size());
      throw new CycleFound(
          "Fragment \""
              + name
              + "\" spreads itself ("
              + String.join(" → ", path)
              + " → "
              + name
              + "); a fragment may not contain itself.");
    }
    long cost =
        selections(
            fragment.getSelectionSet(),
            schema.getType(fragment.getTypeCondition().getName()),
            sized);
    spreading.remove(name);
    fragmentCosts.put(key, cost);
    return cost;
  }

  private long field(Field field, GraphQLType parent, Map<String, Long> sized) {
    String name = field.getName();
    if (name.equals(Introspection.SchemaMetaFieldDef.getName())
        || name.equals(Introspection.TypeMetaFieldDef.getName())) {
      return SchemaSize.of(schema);
    }
    if (!(parent instanceof GraphQLFieldsContainer container)
        || container.getFieldDefinition(name) == null) {
      return 1; // __typename, or a field validation will refuse
    }
    GraphQLFieldDefinition definition = container.getFieldDefinition(name);
    GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
    long items = 1;
    Map<String, Long> childSized = Map.of();
    Map<String, Object> listSize = directive(definition, "listSize");
    if (type instanceof GraphQLList) {
      items = sized.containsKey(name) ? sized.get(name) : size(field, definition, listSize);
    } else if (listSize != null && !strings(listSize.get("sizedFields")).isEmpty()) {
      long size = size(field, definition, listSize);
      childSized = new HashMap<>();
      for (String sizedField : strings(listSize.get("sizedFields"))) {
        childSized.put(sizedField, size);
      }
    }
    GraphQLNamedType itemType = GraphQLTypeUtil.unwrapAll(definition.getType());
    long perItem =
        field.getSelectionSet() == null
            ? (type instanceof GraphQLList ? 1 : 0)
            : selections(field.getSelectionSet(), itemType, childSized);
    return checked(add(weight(definition), multiply(Math.max(1, items), perItem)));
  }

  /** How many items the list can return: its slicing argument, else its assumed size. */
  private long size(Field field, GraphQLFieldDefinition definition, Map<String, Object> listSize) {
    if (listSize == null) {
      return UNDECLARED_LIST_SIZE;
    }
    for (String slicing : strings(listSize.get("slicingArguments"))) {
      Long value = argument(field, definition.getArgument(slicing));
      if (value != null) {
        return value;
      }
    }
    return listSize.get("assumedSize") instanceof Number n && n.longValue() >= 0
        ? n.longValue()
        : UNDECLARED_LIST_SIZE;
  }

  /** An argument's value as given, through a variable, or by default; null when there is none. */
  private Long argument(Field field, GraphQLArgument definition) {
    if (definition == null) {
      return null;
    }
    for (Argument argument : field.getArguments()) {
      if (argument.getName().equals(definition.getName())) {
        Long given = literal(argument.getValue());
        if (given != null) {
          return given;
        }
      }
    }
    Object fallback =
        definition.hasSetDefaultValue() ? definition.getArgumentDefaultValue().getValue() : null;
    if (fallback instanceof Value<?> literal) {
      return literal(literal);
    }
    return fallback instanceof Number n ? bounded(n.longValue()) : null;
  }

  private Long literal(Value<?> value) {
    if (value instanceof IntValue number) {
      return bounded(number.getValue().min(java.math.BigInteger.valueOf(MAX_ARGUMENT)).longValue());
    }
    if (value instanceof VariableReference ref) {
      JsonValue given = variables == null ? null : variables.get(ref.getName());
      if (given instanceof JsonNumber number) {
        return bounded(
            number.bigDecimalValue().min(java.math.BigDecimal.valueOf(MAX_ARGUMENT)).longValue());
      }
      VariableDefinition definition = variableDefinitions.get(ref.getName());
      if (given == null && definition != null && definition.getDefaultValue() != null) {
        return literal(definition.getDefaultValue());
      }
    }
    return null;
  }

  private static long bounded(long value) {
    return Math.max(0, Math.min(MAX_ARGUMENT, value));
  }

  private static long weight(GraphQLFieldDefinition definition) {
    Map<String, Object> cost = directive(definition, "cost");
    return cost != null && cost.get("weight") instanceof Number n ? Math.max(0, n.longValue()) : 1;
  }

  /**
   * The arguments of a directive on a field, or null when it has none of that name. SmallRye
   * attaches directives the older way (GraphQLDirective), BatchFieldDirectives the newer
   * (GraphQLAppliedDirective): both are read.
   */
  @SuppressWarnings("deprecation")
  private static Map<String, Object> directive(GraphQLFieldDefinition definition, String name) {
    Map<String, Object> arguments = new HashMap<>();
    GraphQLAppliedDirective applied = definition.getAppliedDirective(name);
    if (applied != null) {
      applied.getArguments().forEach(a -> arguments.put(a.getName(), a.getValue()));
      return arguments;
    }
    graphql.schema.GraphQLDirective legacy = definition.getDirective(name);
    if (legacy == null) {
      return null;
    }
    for (GraphQLArgument argument : legacy.getArguments()) {
      Object value = argument.getArgumentValue().getValue();
      arguments.put(argument.getName(), value instanceof Value<?> literal ? plain(literal) : value);
    }
    return arguments;
  }

  /** A literal as a plain Java value: a number, a string, a list of them. */
  private static Object plain(Value<?> literal) {
    if (literal instanceof IntValue number) {
      return number.getValue();
    }
    if (literal instanceof graphql.language.StringValue text) {
      return text.getValue();
    }
    if (literal instanceof graphql.language.ArrayValue array) {
      return array.getValues().stream().map(QueryCost::plain).toList();
    }
    return null;
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof Iterable<?> items) {
      items.forEach(item -> strings.add(String.valueOf(item)));
    } else if (value instanceof Object[] items) {
      for (Object item : items) {
        strings.add(String.valueOf(item));
      }
    } else if (value != null) {
      strings.add(String.valueOf(value));
    }
    return strings;
  }

  private long checked(long cost) {
    if (cost > limit) {
      throw new OverLimit(cost);
    }
    return cost;
  }

  private static long multiply(long a, long b) {
    long r = a * b;
    return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
  }

  private static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** How many elements introspection can describe: types, fields, arguments, values. */
  static final class SchemaSize {
    private static final Map<GraphQLSchema, Long> SIZES =
        java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    static long of(GraphQLSchema schema) {
      return SIZES.computeIfAbsent(schema, SchemaSize::count);
    }

    private static long count(GraphQLSchema schema) {
      long size = 0;
      for (GraphQLNamedType type : schema.getAllTypesAsList()) {
        size += 1;
        if (type instanceof GraphQLFieldsContainer container) {
          for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
            size += 1 + field.getArguments().size();
          }
        }
        if (type instanceof graphql.schema.GraphQLEnumType e) {
          size += e.getValues().size();
        }
        if (type instanceof graphql.schema.GraphQLInputObjectType input) {
          size += input.getFieldDefinitions().size();
        }
      }
      for (graphql.schema.GraphQLDirective directive : schema.getDirectives()) {
        size += 1 + directive.getArguments().size();
      }
      return size;
    }
  }
}
