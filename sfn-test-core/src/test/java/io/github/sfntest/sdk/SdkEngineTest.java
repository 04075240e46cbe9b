package io.github.sfntest.sdk;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineCapability;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.mock.IntegrationResults;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.server.SfnServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK engine against the endpoint in this JVM: same results, same assertions as in-process. */
class SdkEngineTest {

  static final StateMachineDefinition ORDER = StateMachineDefinition.of("Order", """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "charge", "Payload.$": "$"}, "OutputPath": "$.Payload",
          "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 30, "MaxAttempts": 2}],
          "Catch": [{"ErrorEquals": ["Payment.Declined"], "Next": "Declined"}], "Next": "Approve"},
        "Approve": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters": {"QueueUrl": "q", "MessageBody": {"TaskToken.$": "$$.Task.Token"}},
          "TimeoutSeconds": 3600, "Next": "Done"},
        "Declined": {"Type": "Fail", "Error": "Declined", "Cause": "payment declined"},
        "Done": {"Type": "Succeed"}}}
      """);

  static SfnServer server;
  static Engine sdk;
  static Engine inProcess;

  @BeforeAll
  static void start() {
    server = SfnServer.start();
    sdk = SdkEngine.forEndpoint(server.endpoint());
    inProcess = Engine.inProcess();
  }

  @AfterAll
  static void stop() {
    sdk.close();
    server.close();
  }

  static MockedResponses mocks() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Charge").willThrow("Busy", "try later")
        .thenReturn(IntegrationResults.lambdaPayload(Map.of("charged", 42)));
    mocks.onState("Approve").willWaitForCallback();
    return mocks;
  }

  @Test
  void reportsCapabilities() {
    org.assertj.core.api.Assertions.assertThat(List.copyOf(sdk.capabilities())).contains(EngineCapability.VIRTUAL_TIME, EngineCapability.JSONATA,
        EngineCapability.VARIABLES, EngineCapability.CALLBACKS, EngineCapability.IN_CODE_MOCKS);
    org.assertj.core.api.Assertions.assertThat(List.copyOf(server.actions())).contains("StartExecution", "GetExecutionHistory", "TestState");
  }

  @Test
  void callbacksInCodeMocksAndVerificationWorkAsInProcess() {
    ExecutionResult remote = runOrder(sdk, mocks(), "approved-remote");
    ExecutionResult local = runOrder(inProcess, mocks(), "approved-remote");
    assertThat(remote).succeeded().visited("Charge", "Approve", "Done");
    org.assertj.core.api.Assertions.assertThat(remote.history().types()).isEqualTo(local.history().types());
    org.assertj.core.api.Assertions.assertThat(remote.elapsed()).isEqualTo(Duration.ofSeconds(30));
    org.assertj.core.api.Assertions.assertThat(remote.output()).isEqualTo(local.output());
  }

  private static ExecutionResult runOrder(Engine engine, MockedResponses mocks, String name) {
    Execution execution = engine.start(StartRequest.of(ORDER, "{\"amount\": 10}").withTaskHandler(mocks).withExecutionName(name));
    WaitingTask approval = execution.awaitTask("Approve");
    org.assertj.core.api.Assertions.assertThat(approval.resource()).endsWith(".waitForTaskToken");
    org.assertj.core.api.Assertions.assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
    execution.sendTaskSuccess(approval.taskToken(), "{\"approved\": true}");
    ExecutionResult result = execution.awaitCompletion();
    mocks.verify("Charge").times(2);
    return result;
  }

  @Test
  void timeoutsFireInVirtualTimeOnAwaitCompletion() {
    Execution execution = sdk.start(StartRequest.of(ORDER, "{}").withTaskHandler(mocks()));
    execution.awaitTask("Approve");
    execution.advanceTime(Duration.ofMinutes(59));
    org.assertj.core.api.Assertions.assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
    ExecutionResult result = execution.awaitCompletion();
    assertThat(result).failedWith("States.Timeout");
    org.assertj.core.api.Assertions.assertThat(result.elapsed()).isEqualTo(Duration.ofSeconds(3630));
  }

  @Test
  void awaitingATaskThatNeverComesSaysWhy() {
    MockedResponses declined = MockedResponses.create();
    declined.onState("Charge").willThrow("Payment.Declined", "card expired");
    Execution execution = sdk.start(StartRequest.of(ORDER, "{}").withTaskHandler(declined));
    assertThatThrownBy(() -> execution.awaitTask("Approve"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended (FAILED)").hasMessageContaining("Charge");
    assertThat(execution.awaitCompletion()).failedWith("Declined");
  }

  @Test
  void awaitCompletionWithoutTheCallbackFailsLikeInProcess() {
    StateMachineDefinition noTimeout = StateMachineDefinition.of("NoTimeout", """
        {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
          "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters": {"QueueUrl": "q", "MessageBody": {"TaskToken.$": "$$.Task.Token"}}, "End": true}}}
        """);
    MockedResponses waits = MockedResponses.create();
    waits.onState("Ask").willWaitForCallback();
    Execution remote = sdk.start(StartRequest.of(noTimeout, "{}").withTaskHandler(waits));
    Execution local = inProcess.start(StartRequest.of(noTimeout, "{}").withTaskHandler(waits));
    String expected = org.assertj.core.api.Assertions.catchThrowable(local::awaitCompletion).getMessage();
    assertThatThrownBy(remote::awaitCompletion).isInstanceOf(IllegalStateException.class).hasMessage(expected);
    remote.stop("Stopped", "by the test");
    assertThat(remote.awaitCompletion()).aborted();
  }

  @Test
  void mockConfigFileTestCase() {
    MockConfigFile file = MockConfigFile.parse("""
        {"StateMachines": {"Billing": {"TestCases": {"Happy": {"Charge": "Ok", "Approve": "Yes"}}}},
         "MockedResponses": {"Ok": {"0": {"Return": {"Payload": {"charged": 1}}}},
                             "Yes": {"0": {"Return": {"approved": true}}}}}
        """);
    ExecutionResult remote = sdk.run(StartRequest.of(ORDER, "{}").withTaskHandler(file.testCase("Billing", "Happy")));
    ExecutionResult local = inProcess.run(StartRequest.of(ORDER, "{}").withTaskHandler(file.testCase("Billing", "Happy")));
    assertThat(remote).succeeded();
    org.assertj.core.api.Assertions.assertThat(remote.history().toJson().size()).isEqualTo(local.history().toJson().size());
  }

  @Test
  void renderedMocksReachAnEndpointInAnotherProcess() {
    // An engine that does not know the endpoint is in this JVM: it must send the mocks as a MockConfigFile.
    try (Engine remote = SdkEngine.builder().endpoint(server.endpoint()).handOverHandlers(false).build()) {
      org.assertj.core.api.Assertions.assertThat(remote.capabilities()).doesNotContain(EngineCapability.IN_CODE_MOCKS);
      MockedResponses fixed = MockedResponses.create();
      fixed.onState("Charge").willReturn(IntegrationResults.lambdaPayload(Map.of("ok", 1)));
      fixed.onState("Approve").willReturn(Map.of("approved", true));
      ExecutionResult result = remote.run(StartRequest.of(ORDER, "{}").withTaskHandler(fixed));
      assertThat(result).succeeded();
      MockedResponses computed = MockedResponses.create();
      computed.onState("Charge").willAnswer(invocation -> Map.of("Payload", Map.of()));
      assertThatThrownBy(() -> remote.run(StartRequest.of(ORDER, "{}").withTaskHandler(computed)))
          .hasMessageContaining("computed answer (willAnswer) cannot be written to a MockConfigFile");
    }
  }
}
