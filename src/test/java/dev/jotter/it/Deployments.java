package dev.jotter.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that {@code package} built, as the integration tests deploy it. */
public final class Deployments {

  private Deployments() {}

  /**
   * Jotter exactly as shipped (served at "/" by its ibm-web-ext.xml), plus the given test helper
   * classes. Failsafe runs after {@code package}, so target/jotter.war exists.
   */
  public static WebArchive jotter(Class<?>... helpers) {
    return ShrinkWrap.create(ZipImporter.class, "jotter-it.war")
        .importFrom(new File("target/jotter.war"))
        .as(WebArchive.class)
        .addClasses(helpers);
  }
}
