package dev.jotter.platform.graphql;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.IntValue;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.smallrye.graphql.schema.model.DirectiveInstance;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema as clients see it: SmallRye's, plus the directives SmallRye GraphQL 2.11 leaves off
 * batched {@code @Source List<T>} fields ({@code Post.related}, {@code Tag.posts} ...). Its model
 * has them; its schema builder drops them for batch operations only. The result is a separate
 * schema made from the executed one's SDL (changing the executed schema in place would corrupt it:
 * graphql-java rewires shared types when it builds a schema). The cost limit reads it and the SDL
 * prints it; SmallRye executes its own.
 */
final class BatchFieldDirectives {

  /** The directives the described schema carries besides the built-in ones. */
  static final Set<String> DIRECTIVES = Set.of("listSize", "cost");

  static final SchemaPrinter.Options PRINTER =
      SchemaPrinter.Options.defaultOptions()
          .descriptionsAsHashComments(false)
          .includeIntrospectionTypes(false)
          .includeScalarTypes(true)
          .includeSchemaDefinition(false)
          .useAstDefinitions(false)
          .includeDirectives(DIRECTIVES::contains)
          .includeDirectiveDefinition(DIRECTIVES::contains);

  private BatchFieldDirectives() {}

  static GraphQLSchema describe(GraphQLSchema executed, Schema model) {
    TypeDefinitionRegistry types =
        new SchemaParser().parse(new SchemaPrinter(PRINTER).print(executed));
    Map<String, Map<String, List<DirectiveInstance>>> missing = new HashMap<>();
    for (Type type : model.getTypes().values()) {
      for (Operation operation : type.getBatchOperations().values()) {
        if (operation.hasDirectiveInstances()) {
          missing
              .computeIfAbsent(type.getName(), t -> new HashMap<>())
              .put(operation.getName(), operation.getDirectiveInstances());
        }
      }
    }
    missing.forEach(
        (typeName, fields) ->
            types
                .getType(typeName, ObjectTypeDefinition.class)
                .ifPresent(
                    type -> {
                      List<FieldDefinition> withDirectives = new ArrayList<>();
                      for (FieldDefinition field : type.getFieldDefinitions()) {
                        List<DirectiveInstance> add = fields.get(field.getName());
                        withDirectives.add(
                            add == null || !field.getDirectives().isEmpty()
                                ? field
                                : field.transform(b -> b.directives(directives(add))));
                      }
                      types.remove(type);
                      types.add(type.transform(b -> b.fieldDefinitions(withDirectives)));
                    }));
    // SmallRye needs a default to make assumedSize optional (-1); the spec's directive has none
    types
        .getDirectiveDefinition("listSize")
        .ifPresent(
            definition -> {
              types.remove(definition);
              types.add(
                  definition.transform(
                      b ->
                          b.inputValueDefinitions(
                              definition.getInputValueDefinitions().stream()
                                  .map(v -> v.transform(i -> i.defaultValue(null)))
                                  .toList())));
            });
    return new SchemaGenerator()
        .makeExecutableSchema(
            types,
            RuntimeWiring.newRuntimeWiring().wiringFactory(new MockedWiringFactory()).build());
  }

  private static List<Directive> directives(List<DirectiveInstance> instances) {
    List<Directive> directives = new ArrayList<>();
    for (DirectiveInstance instance : instances) {
      List<Argument> arguments = new ArrayList<>();
      instance
          .getValues()
          .forEach((name, value) -> arguments.add(new Argument(name, literal(value))));
      directives.add(
          Directive.newDirective().name(instance.getType().getName()).arguments(arguments).build());
    }
    return directives;
  }

  private static Value<?> literal(Object value) {
    if (value instanceof Number number) {
      return new IntValue(BigInteger.valueOf(number.longValue()));
    }
    if (value instanceof Object[] array) {
      List<Value> values = new ArrayList<>();
      for (Object item : array) {
        values.add(literal(item));
      }
      return ArrayValue.newArrayValue().values(values).build();
    }
    if (value instanceof Iterable<?> items) {
      List<Value> values = new ArrayList<>();
      items.forEach(item -> values.add(literal(item)));
      return ArrayValue.newArrayValue().values(values).build();
    }
    return new StringValue(String.valueOf(value));
  }
}
