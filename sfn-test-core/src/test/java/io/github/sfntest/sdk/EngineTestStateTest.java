package io.github.sfntest.sdk;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.teststate.TestStateWire;
import io.github.sfntest.mock.TaskOutcome;
import io.github.sfntest.server.SfnServer;
import io.github.sfntest.teststate.InspectionLevel;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest;
import io.github.sfntest.teststate.TestStateResult;
import io.github.sfntest.teststate.TestStateStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * {@link Engine#testState}: offline in-process, and on the {@code sdk} and {@code aws} engines
 * through the endpoint's TestState with the SDK's {@code SfnClient.testState} (sfn-test's endpoint
 * standing in for AWS), with the same answers as the in-process engine.
 */
class EngineTestStateTest {

  static final String MACHINE = """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
          "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 3}],
          "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Declined"}],
          "Next": "Route"},
        "Route": {"Type": "Choice", "Choices": [{"Variable": "$.vip", "BooleanEquals": true, "Next": "Declined"}],
          "Default": "Done"},
        "Declined": {"Type": "Fail", "Error": "Declined"},
        "Done": {"Type": "Succeed"}}}
      """;
  static final String ROLE = "arn:aws:iam::111111111111:role/sfn-test-ci";

  static TestStateRequest.Builder state(String name) {
    return TestStateRequest.builder().definition(MACHINE).stateName(name);
  }

  /** The response document AWS would send for {@code result}, parsed (key order aside). */
  static com.fasterxml.jackson.databind.JsonNode wire(TestStateResult result) {
    return Json.parse(Json.write(TestStateWire.response(result)));
  }

  /** The example of {@link Engine#testState}'s Javadoc, as written there. */
  @Test
  void the_javadoc_example_runs_as_written() {
    try (Engine engine = Engine.inProcess()) {
      TestStateResult result = engine.testState(TestStateRequest.builder()
          .definition("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
              + " \"Parameters\": {\"FunctionName\": \"charge\", \"Payload.$\": \"$\"}, \"End\": true}")
          .input("{\"amount\": 42}")
          .mockResult("{\"StatusCode\": 200, \"Payload\": {\"charged\": true}}")
          .build());
      assertThat(result).succeeded().hasOutput("{\"StatusCode\": 200, \"Payload\": {\"charged\": true}}");
    }
  }

  @Test
  void the_sdk_engine_answers_as_the_in_process_engine_does() {
    TestStateRequest retried = state("Charge").input("{\"amount\": 42}")
        .mockError("Lambda.TooManyRequestsException", "slow down").retrierRetryCount(1)
        .inspectionLevel(InspectionLevel.DEBUG).build();
    TestStateRequest caught = state("Charge").input("{\"amount\": 42}").mockError("Card.Expired", "expired")
        .inspectionLevel(InspectionLevel.TRACE).build();
    TestStateRequest routed = state("Route").input("{\"vip\": false}").variables("{\"x\": 1}").build();
    try (SfnServer server = SfnServer.start();
        SdkEngine sdk = SdkEngine.builder().endpoint(server.endpoint()).build();
        Engine local = Engine.inProcess()) {
      for (TestStateRequest request : new TestStateRequest[] {retried, caught, routed}) {
        assertThat(wire(sdk.testState(request))).isEqualTo(wire(local.testState(request)));
      }
      assertThat(sdk.testState(retried)).isRetriable().inspection().wouldRetryWith(0, 4);
      assertThat(sdk.testState(caught)).caughtError().goesTo("Declined").inspection().caughtBy(0);
      assertThat(sdk.testState(routed)).succeeded().goesTo("Done");
      // a Java handler cannot travel in a TestState request: beside an endpoint in this JVM it answers here
      assertThat(sdk.testState(state("Charge").input("{\"amount\": 42}")
          .taskHandler(invocation -> TaskOutcome.success(Json.parse("{\"charged\": true}"))).build()))
          .succeeded().goesTo("Route").hasOutput("{\"charged\": true}");
    }
  }

  @Test
  void the_sdk_engine_passes_on_the_endpoints_refusal() {
    try (SfnServer server = SfnServer.start(); SdkEngine sdk = SdkEngine.builder().endpoint(server.endpoint()).build()) {
      assertThatThrownBy(() -> sdk.testState(TestStateRequest.builder()
          .definition("{\"Type\": \"Pass\", \"End\": true}").mockResult("{}").build()))
          .isInstanceOf(TestStateException.class)
          .hasMessage("State type 'Pass' is not supported when a mock is specified")
          .extracting(e -> ((TestStateException) e).code()).isEqualTo("ValidationException");
    }
  }

  @Test
  void the_aws_engine_answers_with_test_states_own_mock_and_skips_what_needs_a_java_handler() {
    try (SfnServer aws = SfnServer.start()) {
      Map<String, String> settings = Map.of("sfntest.aws.roleArn", ROLE, "sfntest.aws.endpoint", aws.endpoint().toString());
      try (SdkEngine engine = AwsEngineProvider.create(EngineOptions.defaults(), settings::get)) {
        assertThat(engine.testState(state("Charge").input("{\"amount\": 42}")
            .mockResult("{\"StatusCode\": 200, \"Payload\": {\"ok\": true}}").build()))
            .succeeded().goesTo("Route").hasOutput("{\"StatusCode\": 200, \"Payload\": {\"ok\": true}}");
        TestStateResult failed = engine.testState(state("Charge").mockError("Lambda.TooManyRequestsException", "slow")
            .retrierRetryCount(3).build());
        assertThat(failed.status()).isEqualTo(TestStateStatus.CAUGHT_ERROR);

        // a Choice calls nothing: the test's Java handler has nothing to answer, so the request goes as it is
        assertThat(engine.testState(state("Route").input("{\"vip\": true}")
            .taskHandler(invocation -> TaskOutcome.success(null)).build())).goesTo("Declined");
        // a Task answered by a Java handler cannot go to AWS: skipped, saying why
        assertThatThrownBy(() -> engine.testState(state("Charge").input("{}")
            .taskHandler(invocation -> TaskOutcome.success(null)).build()))
            .isInstanceOf(TestAbortedException.class)
            .hasMessageContaining("takes a mock in the request (mockResult / mockError), not a Java task handler,"
                + " and this Task state has none");
      }
    }
  }
}
