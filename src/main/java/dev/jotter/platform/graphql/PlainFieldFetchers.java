package dev.jotter.platform.graphql;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.Transformer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * How the fields of Jotter's output types are fetched: a field read by a plain getter (a post's
 * title, its tags, its reading time) gets a fetcher that calls the getter and, for a scalar
 * SmallRye transforms (a date, a number), applies the transformer SmallRye itself would pick.
 * SmallRye's own fetcher for such a field first builds and clones its whole request {@code Context}
 * (the path as a string, the arguments, the operation), and copies every list it returns into a new
 * one: for the home list's ~400 fields that was a fifth of the request's CPU without the response
 * cache. Jotter's getters never read that context ({@code SmallRyeContext} is read per request, not
 * per field).
 *
 * <p>A field SmallRye adapts ({@code @AdaptWith}, {@code @AdaptToScalar}, maps), or that is an
 * array, an optional or a list of transformed scalars, keeps SmallRye's fetcher: this service
 * answers null for it. SmallRye finds the service through {@code META-INF/services}.
 */
public class PlainFieldFetchers implements DataFetcherService {

  private static final Set<String> OPTIONAL_NUMBERS =
      Set.of("java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");

  @Override
  public Integer getPriority() {
    return 0;
  }

  @Override
  public PlugableDataFetcher<Object> getFieldDataFetcher(Field field, Type type, Reference owner) {
    if (adapted(field) || OPTIONAL_NUMBERS.contains(field.getReference().getClassName())) {
      return null;
    }
    Transformer<Object, Object> transformer = null;
    if (field.hasWrapper()) {
      Wrapper wrapper = field.getWrapper();
      if (!wrapper.isCollection() || wrapper.hasWrapper() || transformed(field)) {
        return null; // arrays, maps, optionals, lists of lists, lists of dates: SmallRye's way
      }
    } else if (transformed(field)) {
      transformer = transformerOf(field);
    }
    return new PlainFieldFetcher(accessor(field, owner), transformer);
  }

  /** What SmallRye's fetcher transforms: a scalar whose Java class is not the GraphQL one's. */
  static boolean transformed(Field field) {
    Reference reference = field.getReference();
    return reference.getType() == ReferenceType.SCALAR
        && !reference.getClassName().equals(reference.getGraphQLClassName());
  }

  private static boolean adapted(Field field) {
    Reference reference = field.getReference();
    return field.isAdaptingWith()
        || field.isAdaptingTo()
        || reference.isAdaptingWith()
        || reference.isAdaptingTo();
  }

  @SuppressWarnings("unchecked")
  private static Transformer<Object, Object> transformerOf(Field field) {
    try {
      return Transformer.transformer(field);
    } catch (RuntimeException e) {
      throw new GraphQLException("No transformer for field " + field.getName(), e);
    }
  }

  private static Accessor accessor(Field field, Reference owner) {
    try {
      Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
      if (field.getMethodName() == null) {
        java.lang.reflect.Field javaField = type.getField(field.getPropertyName());
        return javaField::get;
      }
      Method method = type.getMethod(field.getMethodName());
      return source -> {
        try {
          return method.invoke(source);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      };
    } catch (ReflectiveOperationException e) {
      throw new GraphQLException("No accessor for field " + field.getName(), e);
    }
  }

  /** Reads one property of the source object. */
  @FunctionalInterface
  interface Accessor {
    Object get(Object source) throws Exception;
  }

  /**
   * A field's fetcher: the getter's value, transformed as SmallRye would when it is a date or a
   * number SmallRye formats.
   */
  static final class PlainFieldFetcher
      implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {

    private final Accessor accessor;
    private final Transformer<Object, Object> transformer;

    PlainFieldFetcher(Accessor accessor, Transformer<Object, Object> transformer) {
      this.accessor = accessor;
      this.transformer = transformer;
    }

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
      Object value = accessor.get(environment.getSource());
      return transformer == null || value == null ? value : transformer.out(value);
    }
  }
}
