package dev.jotter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Apollo Client as frontends use it, unmodified, with its persisted-queries link (Node,
 * src/test/apollo, installed by the build) against the test server.
 */
class ApolloClientIT extends HttpIT {

  @Test
  void apolloClientWorksUnmodified_withAutomaticPersistedQueries() throws Exception {
    File dir = new File(System.getProperty("jotter.apollo.dir", "src/test/apollo"));
    BoundedProcess.Result node =
        BoundedProcess.run(
            dir,
            Map.of(),
            Duration.ofSeconds(120),
            "node",
            "apollo.test.mjs",
            base.toURI().resolve("/graphql").toString());
    String output = node.output();
    System.out.println(output);
    assertThat(output).contains("apollo client checks passed");
    assertThat(node.exitCode()).as(output).isZero();
  }
}
