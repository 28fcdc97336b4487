package dev.jotter.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.smallrye.graphql.execution.ExecutionResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An answer without errors, written straight from the engine's result, has the very bytes
 * SmallRye's way gave (its {@code JsonObject}, errors shaped, the cost added, as a string): the
 * same answer keeps the same ETag whichever way it was written.
 */
class DataAnswersTest {

  private static final QueryCost.Result COST = new QueryCost.Result(42, 5000);

  @Test
  void anAnswerOfEveryKindOfValueHasSmallRyesBytes() {
    Map<String, Object> post = new LinkedHashMap<>();
    post.put("slug", "why-robots");
    post.put("title", "Robots, \"space\" & the future \\ é 漢字 😀 </script>\u2028");
    post.put("control", "tab\there\nnew line\r\u0001\u001f\b\f/");
    post.put("empty", "");
    post.put("nothing", null);
    post.put("featured", true);
    post.put("draft", false);
    post.put("words", 1234);
    post.put("small", (short) 3);
    post.put("byte", (byte) -4);
    post.put("version", 9_007_199_254_740_993L);
    post.put("negative", Long.MIN_VALUE);
    post.put("score", 0.1);
    post.put("large", 1.0e10);
    post.put("tiny", 1.5e-7);
    post.put("whole", 3.0);
    post.put("minus", -0.0);
    post.put("ratio", 0.25f);
    post.put("odd", 1.1f);
    post.put("price", new BigDecimal("1234.50"));
    post.put("exponent", new BigDecimal("1E+3"));
    post.put("big", new BigInteger("123456789012345678901234567890"));
    post.put("kind", Thread.State.RUNNABLE);
    post.put("tags", List.of(Map.of("name", "AI"), Map.of("name", "Space")));
    post.put("noTags", List.of());
    post.put("nulls", Arrays.asList(null, "x", null));
    post.put("nested", List.of(List.of(1, 2), List.of()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("post", post);
    data.put("missing", null);
    data.put("__typename", "Query");

    assertSameBytes(data, COST);
    assertSameBytes(data, null);
    assertSameBytes(Map.of(), COST);
    assertSameBytes(Map.of("posts", new ArrayList<>(List.of(post, post))), COST);
  }

  @Test
  void anAnswerWithErrorsOrExtensionsOrOtherValuesIsLeftToSmallRye() {
    ExecutionResult withErrors =
        ExecutionResultImpl.newExecutionResult()
            .data(Map.of("post", "x"))
            .addError(GraphqlErrorBuilder.newError().message("no").build())
            .build();
    assertNull(DataAnswers.plain(withErrors, COST));
    ExecutionResult withExtensions =
        ExecutionResultImpl.newExecutionResult()
            .data(Map.of("post", "x"))
            .extensions(Map.of("tracing", "on"))
            .build();
    assertNull(DataAnswers.plain(withExtensions, COST));
    ExecutionResult noData = ExecutionResultImpl.newExecutionResult().build();
    assertNull(DataAnswers.plain(noData, COST));
    Map<String, Object> odd = new LinkedHashMap<>();
    odd.put("first", "written");
    odd.put("date", LocalDate.of(2026, 12, 7)); // SmallRye hands it to JSON-B
    assertNull(DataAnswers.plain(result(odd), COST));
  }

  private static void assertSameBytes(Map<String, Object> data, QueryCost.Result cost) {
    ExecutionResult result = result(data);
    String smallRyes =
        new String(
            DataAnswers.shaped(new ExecutionResponse(result), cost)
                .toString()
                .getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);
    byte[] plain = DataAnswers.plain(result, cost);
    assertNotNull(plain);
    assertEquals(smallRyes, new String(plain, StandardCharsets.UTF_8));
  }

  private static ExecutionResult result(Map<String, Object> data) {
    return ExecutionResultImpl.newExecutionResult().data(data).build();
  }
}
