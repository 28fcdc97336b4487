package dev.jotter.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseMediaTypeTest {

  @Test
  void noAcceptHeaderGetsJson() {
    assertThat(ResponseMediaType.negotiate(null)).isEqualTo(ResponseMediaType.JSON);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*/*                                                         | JSON",
        "''                                                          | JSON",
        "application/json                                            | JSON",
        "text/html                                                   | JSON",
        "text/html, application/xhtml+xml, */*;q=0.8                 | JSON",
        "application/*                                               | JSON",
        "application/graphql-response+json                           | GRAPHQL_RESPONSE_JSON",
        "application/graphql-response+json, application/json;q=0.9   | GRAPHQL_RESPONSE_JSON",
        "application/json;q=0.9, application/graphql-response+json   | GRAPHQL_RESPONSE_JSON",
        "application/json, application/graphql-response+json;q=0.5   | JSON",
        "application/json, application/graphql-response+json         | GRAPHQL_RESPONSE_JSON",
        "application/graphql-response+json;q=0.5, application/json;q=0.5 | GRAPHQL_RESPONSE_JSON",
        "application/graphql-response+json;q=0                       | JSON",
        "application/graphql-response+json;charset=utf-8             | GRAPHQL_RESPONSE_JSON",
        "' Application/GraphQL-Response+JSON ; q=0.8 , text/plain'   | GRAPHQL_RESPONSE_JSON",
      })
  void theResponseTypeIsGraphqlResponseJsonOnlyWhenAcceptedAtLeastAsMuchAsJson(
      String accept, ResponseMediaType expected) {
    assertThat(ResponseMediaType.negotiate(accept)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/graphql-response+json;q=abc",
        "application/graphql-response+json;q=",
        "application/graphql-response+json;q=0.5.1, application/json;q=",
        "application/graphql-response+json;q=0x, text/html;q=x",
        ",,, ,",
      })
  void aBadQValueDoesNotThrowAndCountsAsNotAcceptable(String accept) {
    assertThatCode(() -> ResponseMediaType.negotiate(accept)).doesNotThrowAnyException();
    assertThat(ResponseMediaType.negotiate(accept)).isEqualTo(ResponseMediaType.JSON);
  }

  @ParameterizedTest
  @ValueSource(strings = {";", ";;", "application/json,;;", "application/graphql-response+json,;"})
  void anAcceptRangeOfOnlySemicolonsDoesNotThrow(String accept) {
    assertThatCode(() -> ResponseMediaType.negotiate(accept)).doesNotThrowAnyException();
  }

  @Test
  void aBadQValueOnJsonLeavesGraphqlResponseJsonPreferred() {
    assertThat(
            ResponseMediaType.negotiate(
                "application/json;q=abc, application/graphql-response+json;q=0.1"))
        .isEqualTo(ResponseMediaType.GRAPHQL_RESPONSE_JSON);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "2", "1e3"})
  void aQValueOutsideZeroToOneCountsAsABadValue(String q) {
    assertThat(
            ResponseMediaType.negotiate(
                "application/graphql-response+json, application/json;q=" + q))
        .isEqualTo(ResponseMediaType.GRAPHQL_RESPONSE_JSON);
  }

  @Test
  void anUppercaseQParameterIsReadAsTheWeight() {
    assertThat(
            ResponseMediaType.negotiate(
                "application/json, application/graphql-response+json;Q=0.5"))
        .isEqualTo(ResponseMediaType.JSON);
  }

  @Test
  void eachTypeNamesItsContentTypeInUtf8() {
    assertThat(ResponseMediaType.GRAPHQL_RESPONSE_JSON.contentType())
        .isEqualTo("application/graphql-response+json;charset=utf-8");
    assertThat(ResponseMediaType.JSON.contentType()).isEqualTo("application/json;charset=utf-8");
  }
}
