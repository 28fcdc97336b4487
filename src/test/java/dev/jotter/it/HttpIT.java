package dev.jotter.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box tests: Jotter as shipped, deployed into the test server, used over HTTP
 * from the Maven JVM as a frontend would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class HttpIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.jotter();
  }

  @ArquillianResource URL base;
  GraphQLClient client;

  @BeforeEach
  void connect() throws Exception {
    client = new GraphQLClient(base.toURI());
  }
}
