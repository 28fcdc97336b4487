package dev.jotter.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The depth limit, counted as graphql-java counts it: a field at the root is one level. */
class DocumentLimitsTest {

  @Test
  void anOperationAsDeepAsTheLimitRunsAndOneLevelMoreIsRefused() {
    assertEquals(Optional.empty(), check(nested(15), 15));
    Optional<String> refused = check(nested(16), 15);
    assertTrue(refused.isPresent());
    assertEquals(
        "The operation nests fields 16 levels deep; the limit is 15. Ask for less at once, and"
            + " follow links in another request.",
        refused.get());
    assertEquals(Optional.empty(), check("{ __typename }", 1));
  }

  @Test
  void fragmentsCountWhereTheyAreSpreadAndAddNoLevelOfTheirOwn() {
    String document =
        "{ a { ...F } } fragment F on T { b { ... on T { c { ...G } } } } fragment G on T { d }";
    assertEquals(Optional.empty(), check(document, 4));
    assertTrue(check(document, 3).isPresent());
  }

  @Test
  void aFragmentSpreadEverywhereIsMeasuredOnceAndOneSpreadingItselfEnds() {
    StringBuilder bomb = new StringBuilder("{ post { ...F0 } }");
    for (int i = 0; i < 40; i++) {
      bomb.append(" fragment F").append(i).append(" on Post { ...F").append(i + 1);
      bomb.append(" ...F").append(i + 1).append(" }");
    }
    bomb.append(" fragment F40 on Post { title }");
    assertTimeoutPreemptively(
        Duration.ofSeconds(5), () -> assertEquals(Optional.empty(), check(bomb.toString(), 2)));
    assertEquals(
        Optional.empty(),
        check("{ a { ...A } } fragment A on T { b ...B } fragment B on T { c ...A }", 2));
  }

  private static String nested(int levels) {
    return "{ " + "a { ".repeat(levels - 1) + "b" + " }".repeat(levels - 1) + " }";
  }

  private static Optional<String> check(String text, int maxDepth) {
    Document document = Parser.parse(text);
    OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
    return DocumentLimits.check(document, operation, 100, maxDepth, 1000);
  }
}
