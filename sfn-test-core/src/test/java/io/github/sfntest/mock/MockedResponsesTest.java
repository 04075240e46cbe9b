package io.github.sfntest.mock;

import static io.github.sfntest.mock.Invocations.LAMBDA_INVOKE;
import static io.github.sfntest.mock.Invocations.call;
import static io.github.sfntest.mock.Invocations.lambda;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MockedResponsesTest {

  static final String SQS = "arn:aws:states:::sqs:sendMessage";

  @Test
  void a_sequence_answers_in_order_and_the_last_response_repeats() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Charge").willThrow("Payment.Declined", "expired").thenReturn("{\"ok\":true}");
    assertThat(mocks.invoke(call("Charge", "r", "{}", 0))).isEqualTo(TaskOutcome.failure("Payment.Declined", "expired"));
    for (int i = 1; i < 4; i++) {
      assertThat(mocks.invoke(call("Charge", "r", "{}", i))).isEqualTo(TaskOutcome.success(Json.parse("{\"ok\":true}")));
    }
  }

  @Test
  void times_bounds_a_response_and_past_the_end_fails_like_a_mock_config_file() {
    MockedResponses mocks = MockedResponses.forTestCase("Retries");
    mocks.onState("Charge").willThrow("Boom").times(2).thenReturn(Map.of("n", 1)).times(1);
    assertThat(mocks.invoke(call("Charge", "r", "{}", 1))).isEqualTo(TaskOutcome.failure("Boom", null));
    assertThat(mocks.invoke(call("Charge", "r", "{}", 2))).isEqualTo(TaskOutcome.success(Json.parse("{\"n\":1}")));
    assertThat(mocks.invoke(call("Charge", "r", "{}", 3)))
        .isEqualTo(
            new TaskOutcome.Failure(
                "States.Runtime",
                "mocks.onState(\"Charge\") has no response for invocation 3 (state 'Charge', test case 'Retries');"
                    + " it defines invocations \"0-1\", \"2\". The last response repeats only if times(n) was not"
                    + " called on it; add .thenReturn(...) or raise times(n).",
                Duration.ZERO));
  }

  @Test
  void will_starts_the_sequence_over() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("A").willReturn("1").thenReturn("2");
    mocks.onState("A").willReturn("3");
    assertThat(mocks.invoke(call("A", "r", "{}", 0))).isEqualTo(TaskOutcome.success(Json.parse("3")));
  }

  @Test
  void answers_are_computed_from_the_invocation_and_may_return_maps_or_outcomes() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Price")
        .willAnswer(inv -> Map.of("doubled", inv.parameters().get("n").intValue() * 2))
        .thenAnswer(inv -> TaskOutcome.failure("Too.Many", "call " + inv.invocationIndex()));
    assertThat(mocks.invoke(call("Price", "r", "{\"n\":21}", 0))).isEqualTo(TaskOutcome.success(Json.parse("{\"doubled\":42}")));
    assertThat(mocks.invoke(call("Price", "r", "{}", 1))).isEqualTo(TaskOutcome.failure("Too.Many", "call 1"));
  }

  @Test
  void an_exception_in_an_answer_fails_the_task_like_an_unhandled_lambda_error() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Price").willAnswer(inv -> {
      throw new IllegalStateException("no price for sku-1");
    });
    assertThat(mocks.invoke(call("Price", "r", "{}", 0)))
        .isEqualTo(
            TaskOutcome.failure(
                "java.lang.IllegalStateException",
                "{\"errorMessage\":\"no price for sku-1\",\"errorType\":\"java.lang.IllegalStateException\"}"));
  }

  @Test
  void latency_applies_to_the_last_response_on_the_virtual_clock() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Slow").willReturn("{}").withLatency(Duration.ofSeconds(30)).thenThrow("E", "c").withLatency(Duration.ofMillis(5));
    assertThat(mocks.invoke(call("Slow", "r", "{}", 0)))
        .isEqualTo(new TaskOutcome.Success(Json.parse("{}"), Duration.ofSeconds(30)));
    assertThat(mocks.invoke(call("Slow", "r", "{}", 1)))
        .isEqualTo(new TaskOutcome.Failure("E", "c", Duration.ofMillis(5)));
    assertThatThrownBy(() -> mocks.onState("Other").withLatency(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "withLatency(PT1S) applies to the last response, but mocks.onState(\"Other\") has none yet; call"
                + " willReturn(...) first");
  }

  @Test
  void will_wait_for_callback_keeps_the_task_open() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Approve").willWaitForCallback(IntegrationResults.sqsSendMessage("hi"));
    TaskOutcome out = mocks.invoke(call("Approve", SQS + ".waitForTaskToken", "{}", 0));
    assertThat(((TaskOutcome.AwaitCallback) out).submitOutput().get("MD5OfMessageBody").textValue())
        .isEqualTo("49f68a5c8493ec2c0bf489821c21fc3b");
    mocks.onState("Plain").willWaitForCallback();
    assertThat(mocks.invoke(call("Plain", "r", "{}", 0))).isEqualTo(new TaskOutcome.AwaitCallback(null));
  }

  // ---- Lambda and resource mocks

  @Test
  void a_lambda_mock_matches_function_name_forms_and_wraps_the_payload_for_lambda_invoke() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onLambda("price").willAnswer(inv -> Map.of("event", MockedResponses.lambdaEvent(inv)));
    for (String fn :
        List.of("price", "price:live", "123456789012:function:price", "arn:aws:lambda:us-east-1:123456789012:function:price:7")) {
      TaskOutcome out = mocks.invoke(lambda("Quote", fn, 0));
      assertThat(out).isEqualTo(TaskOutcome.success(IntegrationResults.lambdaPayload(Json.parse("{\"event\":{\"n\":0}}"))));
    }
    assertThat(mocks.invoke(call("Bare", "arn:aws:lambda:us-east-1:123456789012:function:price", "{\"x\":1}", 0)))
        .isEqualTo(TaskOutcome.success(Json.parse("{\"event\":{\"x\":1}}")));
    assertThat(mocks.invoke(lambda("Quote", "pricing", 0))).isInstanceOf(TaskOutcome.NotHandled.class);
  }

  @Test
  void a_qualified_lambda_mock_matches_only_that_qualifier() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onLambda("price:live").willReturn("1");
    assertThat(mocks.invoke(lambda("Quote", "price:live", 0))).isInstanceOf(TaskOutcome.Success.class);
    assertThat(mocks.invoke(lambda("Quote", "price", 0))).isInstanceOf(TaskOutcome.NotHandled.class);
  }

  @Test
  void a_resource_mock_matches_with_or_without_the_integration_pattern_and_counts_per_execution() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onResource(SQS).willReturn("\"first\"").thenReturn("\"later\"");
    String other = "arn:aws:states:us-east-1:111111111111:execution:LocalTesting:e2";
    assertThat(mocks.invoke(call("Send1", SQS, "{}", 0))).isEqualTo(TaskOutcome.success(Json.parse("\"first\"")));
    assertThat(mocks.invoke(call("Send2", SQS + ".waitForTaskToken", "{}", 0)))
        .isEqualTo(TaskOutcome.success(Json.parse("\"later\"")));
    assertThat(mocks.invoke(call("LocalTesting", other, "Send1", SQS, "{}", 0)))
        .isEqualTo(TaskOutcome.success(Json.parse("\"first\"")));
  }

  @Test
  void a_state_mock_wins_over_a_lambda_mock_which_wins_over_a_resource_mock() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onResource(LAMBDA_INVOKE).willReturn("\"resource\"");
    mocks.onLambda("fn").willReturn("\"lambda\"");
    mocks.onState("S").willReturn("\"state\"");
    assertThat(mocks.invoke(lambda("S", "fn", 0))).isEqualTo(TaskOutcome.success(Json.parse("\"state\"")));
    assertThat(((TaskOutcome.Success) mocks.invoke(lambda("T", "fn", 0))).output().get("Payload").textValue()).isEqualTo("lambda");
    assertThat(mocks.invoke(lambda("T", "other", 0))).isEqualTo(TaskOutcome.success(Json.parse("\"resource\"")));
  }

  // ---- missing mocks

  @Test
  void a_missing_mock_names_state_resource_test_case_mocked_states_and_the_fix() {
    MockedResponses mocks = MockedResponses.forTestCase("HappyPath");
    mocks.onState("ChargeCrad").willReturn("{}");
    mocks.onLambda("notify").willReturn("{}");
    mocks.onResource(SQS).willReturn("{}");
    assertThat(mocks.invoke(lambda("ChargeCard", "charge-card", 0)))
        .isEqualTo(
            new TaskOutcome.NotHandled(
                "No mock answers Task state 'ChargeCard' (resource arn:aws:states:::lambda:invoke, invocation #0) in"
                    + " test case 'HappyPath'. Did you mean 'ChargeCrad'? The names must match exactly. Mocked states:"
                    + " \"ChargeCrad\"; Lambda functions: \"notify\"; resources: \"arn:aws:states:::sqs:sendMessage\"."
                    + " To mock it: mocks.onState(\"ChargeCard\").willReturn(...) or"
                    + " mocks.onLambda(\"charge-card\").willReturn(...)"));
  }

  @Test
  void a_mock_without_responses_says_so() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("A");
    assertThat(mocks.invoke(call("A", "r", "{}", 0)))
        .isEqualTo(
            new TaskOutcome.NotHandled(
                "Task state 'A' (resource r, invocation #0) matches mocks.onState(\"A\"), which has no response"
                    + " yet: add .willReturn(...), .willThrow(...) or .willAnswer(...)"));
  }

  // ---- verification

  @Test
  void invocations_are_recorded_and_verified_with_messages_for_humans() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Charge").willReturn("{}");
    mocks.invoke(call("Charge", "r", "{\"amount\":10}", 0));
    mocks.invoke(call("Charge", "r", "{\"amount\":12}", 1));
    assertThat(mocks.invocations("Charge")).extracting(i -> Json.write(i.parameters()))
        .containsExactly("{\"amount\":10}", "{\"amount\":12}");
    mocks.verify("Charge").times(2).atLeastOnce().withParameters("{\"amount\":12}");
    mocks.verify("Refund").never();

    assertThatThrownBy(() -> mocks.verify("Charge").times(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected Task state 'Charge' to be invoked 1 time, but it was invoked 2 times:\n"
                + "  #0 parameters {\"amount\":10}\n"
                + "  #1 parameters {\"amount\":12}");
    assertThatThrownBy(() -> mocks.verify("Charge").withParameters("{\"amount\":11}"))
        .hasMessage(
            "Expected Task state 'Charge' to be invoked with parameters {\"amount\":11}, but no invocation had them:\n"
                + "  #0 parameters {\"amount\":10}\n"
                + "  #1 parameters {\"amount\":12}");
    assertThatThrownBy(() -> mocks.verify("Chargee").atLeastOnce())
        .hasMessage(
            "Expected Task state 'Chargee' to be invoked at least once, but it was never invoked. Did you mean"
                + " 'Charge'? Invoked Task states: \"Charge\".");
  }

  @Test
  void unhandled_invocations_are_recorded_too() {
    MockedResponses mocks = MockedResponses.create();
    mocks.invoke(call("Nope", "r", "{}", 0));
    mocks.verify("Nope").times(1);
    mocks.clearInvocations();
    mocks.verify("Nope").never();
  }

  // ---- concurrency

  @Test
  void concurrent_executions_each_get_their_own_resource_counter_and_all_calls_are_recorded() throws Exception {
    MockedResponses mocks = MockedResponses.create();
    mocks.onResource(SQS).willReturn("0").thenReturn("1").thenReturn("2").times(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<TaskOutcome>>> futures = new ArrayList<>();
    for (int e = 0; e < 50; e++) {
      String exec = "arn:aws:states:us-east-1:111111111111:execution:M:e" + e;
      futures.add(pool.submit(() -> {
        List<TaskOutcome> outs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          outs.add(mocks.invoke(call("M", exec, "Send", SQS, "{}", i)));
        }
        return outs;
      }));
    }
    for (Future<List<TaskOutcome>> f : futures) {
      assertThat(f.get(10, TimeUnit.SECONDS))
          .containsExactly(
              TaskOutcome.success(Json.parse("0")), TaskOutcome.success(Json.parse("1")), TaskOutcome.success(Json.parse("2")));
    }
    pool.shutdown();
    assertThat(mocks.invocations("Send")).hasSize(150);
  }

  // ---- result helpers

  @Test
  void lambda_payload_has_the_shape_lambda_invoke_returns() {
    assertThat(Json.write(IntegrationResults.lambdaPayload("HelloWorld!")))
        .isEqualTo(
            "{\"ExecutedVersion\":\"$LATEST\",\"Payload\":\"HelloWorld!\",\"SdkHttpMetadata\":{\"AllHttpHeaders\":"
                + "{\"Connection\":[\"keep-alive\"],\"Content-Length\":[\"13\"],\"Content-Type\":[\"application/json\"],"
                + "\"X-Amz-Executed-Version\":[\"$LATEST\"],\"x-amzn-Remapped-Content-Length\":[\"0\"],"
                + "\"x-amzn-RequestId\":[\"" + IntegrationResults.lambdaPayload("HelloWorld!").at("/SdkResponseMetadata/RequestId").textValue()
                + "\"]},\"HttpHeaders\":{\"Connection\":\"keep-alive\",\"Content-Length\":\"13\",\"Content-Type\":"
                + "\"application/json\",\"X-Amz-Executed-Version\":\"$LATEST\",\"x-amzn-Remapped-Content-Length\":\"0\","
                + "\"x-amzn-RequestId\":\"" + IntegrationResults.lambdaPayload("HelloWorld!").at("/SdkResponseMetadata/RequestId").textValue()
                + "\"},\"HttpStatusCode\":200},\"SdkResponseMetadata\":{\"RequestId\":\""
                + IntegrationResults.lambdaPayload("HelloWorld!").at("/SdkResponseMetadata/RequestId").textValue()
                + "\"},\"StatusCode\":200}");
  }

  @Test
  void dynamodb_sqs_sns_and_eventbridge_helpers_have_the_service_shapes() {
    assertThat(IntegrationResults.dynamoDbGetItem(Map.of("id", "o-1")).get("Item"))
        .isEqualTo(Json.parse("{\"id\":{\"S\":\"o-1\"}}"));
    assertThat(IntegrationResults.dynamoDbItem(Map.of("n", 1.5, "ok", true, "tags", List.of("a"), "m", Map.of("x", 2))))
        .isEqualTo(
            Json.parse(
                "{\"n\":{\"N\":\"1.5\"},\"ok\":{\"BOOL\":true},\"tags\":{\"L\":[{\"S\":\"a\"}]},\"m\":{\"M\":{\"x\":{\"N\":\"2\"}}}}"));
    assertThat(IntegrationResults.dynamoDbGetItem(null).has("Item")).isFalse();
    assertThat(IntegrationResults.sqsSendMessage("hello").get("MD5OfMessageBody").textValue())
        .isEqualTo("5d41402abc4b2a76b9719d911017c592");
    assertThat(IntegrationResults.snsPublish("m").get("MessageId").textValue()).hasSize(36);
    assertThat(IntegrationResults.eventBridgePutEvents(2).get("Entries")).hasSize(2);
    assertThat(IntegrationResults.eventBridgePutEvents(1).get("FailedEntryCount").intValue()).isZero();
  }
}
