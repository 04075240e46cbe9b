package io.github.sfntest.internal.teststate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest.FieldValidationMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every {@link IntegrationResults} helper answers with its API's output shape (botocore's model,
 * generated into api-shapes.json), checked in STRICT mode as TestState's fieldValidationMode does.
 */
class IntegrationResultsShapeTest {

  static Stream<Arguments> helpers() {
    Map<String, Object> item = Map.of("id", "o-1", "total", 12.5, "paid", true, "lines", List.of(Map.of("sku", "s-1")));
    return Stream.of(
        Arguments.of("arn:aws:states:::lambda:invoke", IntegrationResults.lambdaPayload(Map.of("ok", true))),
        Arguments.of("arn:aws:states:::dynamodb:getItem", IntegrationResults.dynamoDbGetItem(item)),
        Arguments.of("arn:aws:states:::dynamodb:getItem", IntegrationResults.dynamoDbGetItem(null)),
        Arguments.of("arn:aws:states:::dynamodb:putItem", IntegrationResults.dynamoDbPutItem()),
        Arguments.of("arn:aws:states:::dynamodb:updateItem", IntegrationResults.dynamoDbUpdateItem(item)),
        Arguments.of("arn:aws:states:::dynamodb:updateItem", IntegrationResults.dynamoDbUpdateItem(null)),
        Arguments.of("arn:aws:states:::sqs:sendMessage", IntegrationResults.sqsSendMessage("{\"id\":1}")),
        Arguments.of("arn:aws:states:::sns:publish", IntegrationResults.snsPublish("hello")),
        Arguments.of("arn:aws:states:::events:putEvents", IntegrationResults.eventBridgePutEvents(2)),
        Arguments.of("arn:aws:states:::aws-sdk:s3:getObject", IntegrationResults.s3GetObject("{\"a\":1}", "application/json")),
        Arguments.of("arn:aws:states:::aws-sdk:s3:putObject", IntegrationResults.s3PutObject("{\"a\":1}")),
        Arguments.of("arn:aws:states:::states:startExecution", IntegrationResults.stepFunctionsStartExecution(
            "arn:aws:states:us-east-1:123456789012:execution:Child:e-1", "2024-01-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helpers")
  void each_helper_matches_its_api_output_shape_in_strict_mode(String resource, JsonNode result) {
    assertThatCode(() -> MockShapeCheck.check(resource, result, FieldValidationMode.STRICT)).doesNotThrowAnyException();
  }

  @Test
  void the_check_is_real_a_wrong_attribute_value_is_refused() {
    ObjectNode broken = IntegrationResults.dynamoDbGetItem(Map.of("id", "o-1"));
    ((ObjectNode) broken.get("Item").get("id")).put("S", 5);

    assertThatThrownBy(() -> MockShapeCheck.check("arn:aws:states:::dynamodb:getItem", broken, FieldValidationMode.STRICT))
        .isInstanceOf(TestStateException.class)
        .hasMessageContaining("Mock result schema validation error");
  }
}
