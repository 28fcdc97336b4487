package dev.jotter.platform.graphql;

import graphql.schema.GraphQLSchema;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;

/**
 * Builds the GraphQL schema from the application's {@code @GraphQLApi} classes when the web
 * application starts. It replaces smallrye-graphql-servlet's start-up listener, which finds the
 * classes through {@code ServletContext.getRealPath} (null on Liberty for packed and loose WARs):
 * this one reads the index of the application's classes the build made, or {@code /WEB-INF/classes}
 * through {@code getResourcePaths}, which always works. With the index the build starts as soon as
 * CDI is up, beside the database's start ({@link EarlySchema}), and this listener only waits for
 * it.
 */
@WebListener
public class GraphQLBootstrap implements ServletContextListener {

  /** The schema as clients see it (with its cost directives), for the transport and the SDL. */
  static final String SCHEMA_ATTRIBUTE = GraphQLSchema.class.getName();

  @Inject EarlySchema early;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ClientErrorLogFilter.install();
    ServletContext context = event.getServletContext();
    GraphQLSchema schema = early.await().orElseGet(() -> early.build(applicationIndex(context)));
    context.setAttribute(SCHEMA_ATTRIBUTE, schema);
  }

  /**
   * The application's classes when the build made no index (an IDE's exploded build, the tests'
   * archives): read one by one.
   */
  private static IndexView applicationIndex(ServletContext context) {
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
}
