package dev.jotter.platform.graphql;

import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.cdi.producer.GraphQLProducer;
import io.smallrye.graphql.schema.SchemaBuilder;
import io.smallrye.graphql.schema.model.Schema;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Repeatable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.jboss.jandex.CompositeIndex;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;

/**
 * Builds the GraphQL schema from the application's {@code @GraphQLApi} classes when the web
 * application starts. It replaces smallrye-graphql-servlet's start-up listener, which finds the
 * classes through {@code ServletContext.getRealPath} (null on Liberty for packed and loose WARs):
 * this one reads {@code /WEB-INF/classes} through {@code getResourcePaths}, which always works.
 */
@WebListener
public class GraphQLBootstrap implements ServletContextListener {

  /** The schema as clients see it (with its cost directives), for the transport and the SDL. */
  static final String SCHEMA_ATTRIBUTE = GraphQLSchema.class.getName();

  private static final Logger LOG = Logger.getLogger(GraphQLBootstrap.class.getName());

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

  @Override
  public void contextInitialized(ServletContextEvent event) {
    long start = System.nanoTime();
    ClientErrorLogFilter.install();
    ServletContext context = event.getServletContext();
    IndexView index = CompositeIndex.create(applicationIndex(context), smallRyeIndex());
    long indexed = System.nanoTime();
    Schema schema = SchemaBuilder.build(index);
    GraphQLSchema executed = producer.initialize(schema, true);
    context.setAttribute(SCHEMA_ATTRIBUTE, BatchFieldDirectives.describe(executed, schema));
    LOG.info(
        () ->
            "GraphQL schema built in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms (classes indexed in "
                + (indexed - start) / 1_000_000
                + " ms)");
  }

  /**
   * The application's classes: from the index the build made (META-INF/jandex.idx), or, when it is
   * missing (an IDE's exploded build), by reading every class.
   */
  private static IndexView applicationIndex(ServletContext context) {
    try (InputStream in = context.getResourceAsStream("/WEB-INF/classes/META-INF/jandex.idx")) {
      if (in != null) {
        return new IndexReader(in).read();
      }
    } catch (IOException e) {
      LOG.warning("Cannot read the build's class index; reading the classes instead: " + e);
    }
    Indexer indexer = new Indexer();
    indexDirectory(context, "/WEB-INF/classes/", indexer);
    return indexer.complete();
  }

  private static void indexDirectory(ServletContext context, String directory, Indexer indexer) {
    Set<String> paths = context.getResourcePaths(directory);
    if (paths == null) {
      return;
    }
    for (String path : paths) {
      if (path.endsWith("/")) {
        indexDirectory(context, path, indexer);
      } else if (path.endsWith(".class")) {
        try (InputStream in = context.getResourceAsStream(path)) {
          indexer.index(in);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot index " + path, e);
        }
      }
    }
  }

  private static IndexView smallRyeIndex() {
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
