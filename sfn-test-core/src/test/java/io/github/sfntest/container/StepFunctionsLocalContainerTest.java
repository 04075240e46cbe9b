package io.github.sfntest.container;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.MockedResponses;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import io.github.sfntest.sdk.SdkEngine;
import org.junit.jupiter.api.Test;

/**
 * The same tests on {@code amazon/aws-stepfunctions-local} (pinned) under Testcontainers. They
 * need a Docker engine; without one they are skipped with that reason.
 */
class StepFunctionsLocalContainerTest {

  static final StateMachineDefinition ORDER = StateMachineDefinition.of("Order", """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "charge", "Payload.$": "$"}, "OutputPath": "$.Payload",
          "Catch": [{"ErrorEquals": ["Payment.Declined"], "Next": "Declined"}], "Next": "Done"},
        "Declined": {"Type": "Fail", "Error": "Declined", "Cause": "payment declined"},
        "Done": {"Type": "Succeed"}}}
      """);

  static StepFunctionsLocalContainer container;
  static Engine engine;
  static MockConfigFile mocks;

  @BeforeAll
  static void start() {
    if (!StepFunctionsLocalContainer.dockerAvailable()) {
      return; // each test is skipped with the reason (a skip in @BeforeAll would hide the count)
    }
    MockedResponses happy = MockedResponses.create();
    happy.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("charged", 42)));
    MockedResponses declined = MockedResponses.create();
    declined.onState("Charge").named("Declined").willThrow("Payment.Declined", "card expired");
    container = new StepFunctionsLocalContainer()
        .withMocks("Order", "Happy", happy)
        .withMocks("Order", "Declined", declined);
    container.start();
    engine = container.engine();
    mocks = MockConfigFile.parse(container.mockConfigJson());
  }

  @BeforeEach
  void needsDocker() {
    Assumptions.assumeTrue(container != null, StepFunctionsLocalContainer.dockerUnavailableReason());
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
    if (container != null) {
      container.stop();
    }
  }

  @Test
  void mockedTestCasesRunAsInProcess() {
    ExecutionResult happy = engine.run(StartRequest.of(ORDER, "{}").withTaskHandler(mocks.testCase("Order", "Happy")));
    ExecutionResult local = Engine.inProcess().run(StartRequest.of(ORDER, "{}").withTaskHandler(mocks.testCase("Order", "Happy")));
    assertThat(happy).succeeded().visited("Charge", "Done");
    org.assertj.core.api.Assertions.assertThat(happy.output()).isEqualTo(local.output());
    org.assertj.core.api.Assertions.assertThat(happy.history().types()).isEqualTo(local.history().types());
    ExecutionResult declined = engine.run(StartRequest.of(ORDER, "{}").withTaskHandler(mocks.testCase("Order", "Declined")));
    assertThat(declined).failedWith("Declined");
  }

  @Test
  void reportsWhatItLacks() {
    org.assertj.core.api.Assertions.assertThat(engine.capabilities())
        .contains(EngineCapability.CALLBACKS)
        .doesNotContain(EngineCapability.VIRTUAL_TIME, EngineCapability.IN_CODE_MOCKS, EngineCapability.JSONATA);
    MockedResponses late = MockedResponses.create();
    late.onState("Charge").willReturn(Map.of());
    assertThatThrownBy(() -> engine.run(StartRequest.of(ORDER, "{}").withTaskHandler(late)))
        .hasMessageContaining("IN_CODE_MOCKS");
  }

  @Test
  void activityWorkerAndCallbacksThroughTheApi() {
    String activity = ((SdkEngine) engine).client().createActivity(b -> b.name("approve")).activityArn();
    StateMachineDefinition withActivity = StateMachineDefinition.of("WithActivity",
        "{\"StartAt\": \"Approve\", \"States\": {\"Approve\": {\"Type\": \"Task\", \"Resource\": \"" + activity
            + "\", \"End\": true}}}");
    Execution execution = engine.start(StartRequest.of(withActivity, "{\"n\": 1}"));
    WaitingTask task = execution.awaitTask("Approve");
    org.assertj.core.api.Assertions.assertThat(task.activity()).isTrue();
    execution.sendTaskSuccess(task.taskToken(), "{\"ok\": true}");
    assertThat(execution.awaitCompletion()).succeeded();
  }
}
