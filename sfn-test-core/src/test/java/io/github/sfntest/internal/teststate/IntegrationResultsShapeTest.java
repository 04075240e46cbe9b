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
            "arn:aws:states:us-east-1:123456789012:execution:Child:e-1", "2024-01-01T00:00:00Z")),
        Arguments.of("arn:aws:states:::aws-sdk:comprehend:detectSentiment",
            IntegrationResults.comprehendDetectSentiment("POSITIVE", 0.97, 0.01, 0.015, 0.005)),
        Arguments.of("arn:aws:states:::batch:submitJob.sync",
            IntegrationResults.batchSubmitJobSync("nightly", "FAILED", 1, "Essential container in task exited")),
        Arguments.of("arn:aws:states:::ecs:runTask.sync",
            IntegrationResults.ecsRunTaskSync("resize", 0, "Essential container in task exited")),
        Arguments.of("arn:aws:states:::glue:startJobRun.sync", IntegrationResults.glueStartJobRunSync("etl", "SUCCEEDED", null)),
        Arguments.of("arn:aws:states:::glue:startJobRun.sync",
            IntegrationResults.glueStartJobRunSync("etl", "FAILED", "Command failed with exit code 1")),
        Arguments.of("arn:aws:states:::athena:startQueryExecution.sync",
            IntegrationResults.athenaStartQueryExecutionSync("SELECT 1", "SUCCEEDED", "s3://bucket/results")));
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

  /** Each .sync helper would fail the check were its result shaped wrong: the table maps it to a real shape. */
  @Test
  void a_sync_result_is_checked_against_the_describe_shape() {
    ObjectNode job = IntegrationResults.batchSubmitJobSync("nightly", "SUCCEEDED", 0, "done");
    job.remove("JobQueue");
    assertThatThrownBy(() -> MockShapeCheck.check("arn:aws:states:::batch:submitJob.sync", job, FieldValidationMode.STRICT))
        .isInstanceOf(TestStateException.class).hasMessageContaining("Required field 'JobQueue' is missing");

    ObjectNode task = IntegrationResults.ecsRunTaskSync("resize", 0, "done");
    task.put("StopCode", "Crashed");
    assertThatThrownBy(() -> MockShapeCheck.check("arn:aws:states:::ecs:runTask.sync", task, FieldValidationMode.STRICT))
        .isInstanceOf(TestStateException.class).hasMessageContaining("Field 'StopCode' is not an expected value");

    ObjectNode run = IntegrationResults.glueStartJobRunSync("etl", "SUCCEEDED", null);
    run.put("ExecutionTime", "60");
    assertThatThrownBy(() -> MockShapeCheck.check("arn:aws:states:::glue:startJobRun.sync", run, FieldValidationMode.PRESENT))
        .isInstanceOf(TestStateException.class).hasMessageContaining("Field 'ExecutionTime' must be a number");

    ObjectNode query = IntegrationResults.athenaStartQueryExecutionSync("SELECT 1", "SUCCEEDED", "s3://b/r");
    ((ObjectNode) query.get("QueryExecution").get("Status")).put("State", "DONE");
    assertThatThrownBy(() -> MockShapeCheck.check("arn:aws:states:::athena:startQueryExecution.sync", query, FieldValidationMode.STRICT))
        .isInstanceOf(TestStateException.class).hasMessageContaining("Field 'State' is not an expected value");

    ObjectNode sentiment = IntegrationResults.comprehendDetectSentiment("NEUTRAL", 0.1, 0.1, 0.7, 0.1);
    sentiment.put("Sentiment", "ANGRY");
    assertThatThrownBy(() -> MockShapeCheck.check("arn:aws:states:::aws-sdk:comprehend:detectSentiment", sentiment,
        FieldValidationMode.STRICT)).isInstanceOf(TestStateException.class).hasMessageContaining("Field 'Sentiment'");
  }

  @Test
  void a_callback_result_is_not_checked_and_the_helpers_refuse_an_unknown_status() {
    ObjectNode anything = IntegrationResults.dynamoDbPutItem().put("JobQueue", 5);
    assertThatCode(() -> MockShapeCheck.check("arn:aws:states:::batch:submitJob.waitForTaskToken", anything,
        FieldValidationMode.STRICT)).doesNotThrowAnyException();
    assertThatCode(() -> MockShapeCheck.check("arn:aws:states:::ecs:runTask.waitForTaskToken", anything,
        FieldValidationMode.STRICT)).doesNotThrowAnyException();

    assertThatThrownBy(() -> IntegrationResults.batchSubmitJobSync("nightly", "DONE", 0, "done"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("status must be one of SUCCEEDED, FAILED, not \"DONE\"");
    assertThatThrownBy(() -> IntegrationResults.comprehendDetectSentiment("ANGRY", 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sentiment must be one of POSITIVE");
  }
}
