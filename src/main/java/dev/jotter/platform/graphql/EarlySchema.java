package dev.jotter.platform.graphql;

import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.cdi.producer.GraphQLProducer;
import io.smallrye.graphql.schema.SchemaBuilder;
import io.smallrye.graphql.schema.model.Schema;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Repeatable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.jboss.jandex.CompositeIndex;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;

/**
 * Starts building the GraphQL schema the moment CDI is up, on a thread of its own, while the
 * database is migrated and discovery loads (they observe the same event after this): on two cores
 * the two overlap and the server is ready about a second sooner. {@link GraphQLBootstrap} waits for
 * it when the web application starts. Without the build's class index it does nothing and the
 * listener builds the schema itself.
 */
@ApplicationScoped
public class EarlySchema {

  /** Where the build's index of the application's classes is (pom.xml, jandex-maven-plugin). */
  static final String INDEX = "META-INF/jotter-classes.idx";

  private static final Logger LOG = Logger.getLogger(EarlySchema.class.getName());
  private static final long WAIT_MINUTES = 5;

  /** Types SmallRye's own index adds besides the application's (its IndexInitializer). */
  private static final List<Class<?>> SMALLRYE_TYPES =
      List.of(
          Map.class,
          Repeatable.class,
          java.lang.Deprecated.class,
          io.smallrye.graphql.api.Entry.class,
          io.smallrye.graphql.api.Deprecated.class,
          io.smallrye.graphql.api.OneOf.class,
          io.smallrye.graphql.api.Namespace.class);

  @Inject GraphQLProducer producer;

  private volatile CompletableFuture<GraphQLSchema> building;

  void start(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object applicationStarted) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    builtIndex(loader)
        .ifPresent(
            index -> {
              CompletableFuture<GraphQLSchema> future = new CompletableFuture<>();
              // a thread of its own: Liberty runs a managed executor's tasks for an application
              // only once it has started, and the start waits for this
              Thread thread =
                  new Thread(
                      () -> {
                        try {
                          future.complete(build(index));
                        } catch (RuntimeException | Error e) {
                          future.completeExceptionally(e);
                        }
                      },
                      "jotter-graphql-schema");
              thread.setContextClassLoader(loader);
              thread.setDaemon(true);
              building = future;
              thread.start();
            });
  }

  /** The schema built early; empty when no early build was started. */
  Optional<GraphQLSchema> await() {
    CompletableFuture<GraphQLSchema> future = building;
    if (future == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(future.get(WAIT_MINUTES, TimeUnit.MINUTES));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the GraphQL schema was being built", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The GraphQL schema could not be built", e);
    }
  }

  /**
   * Builds the schema from the application's classes (and SmallRye's own few) and hands it to
   * SmallRye's engine; the schema with Jotter's cost directives described.
   */
  GraphQLSchema build(IndexView applicationIndex) {
    long start = System.nanoTime();
    IndexView index = CompositeIndex.create(applicationIndex, smallRyeIndex());
    Schema schema = SchemaBuilder.build(index);
    GraphQLSchema executed = producer.initialize(schema, true);
    GraphQLSchema described = BatchFieldDirectives.describe(executed, schema);
    LOG.info(() -> "GraphQL schema built in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    return described;
  }

  /** The index the build made of the application's classes, if the application has one. */
  private static Optional<IndexView> builtIndex(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      return in == null ? Optional.empty() : Optional.of(new IndexReader(in).read());
    } catch (IOException e) {
      LOG.warning("Cannot read the build's class index; reading the classes instead: " + e);
      return Optional.empty();
    }
  }

  static IndexView smallRyeIndex() {
    Indexer indexer = new Indexer();
    for (Class<?> type : SMALLRYE_TYPES) {
      String resource = '/' + type.getName().replace('.', '/') + ".class";
      try (InputStream in = type.getResourceAsStream(resource)) {
        indexer.index(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot index " + type, e);
      }
    }
    return indexer.complete();
  }
}
