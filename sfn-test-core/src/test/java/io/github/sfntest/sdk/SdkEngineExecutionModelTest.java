package io.github.sfntest.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionNotRedrivableException;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.StateMachineType;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.server.SfnServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EXPRESS (through StartSyncExecution) and redrive (through RedriveExecution) on the sdk engine. */
class SdkEngineExecutionModelTest {

  static final StateMachineDefinition CONTEXT = StateMachineDefinition.of("SdkQuick",
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"execution.$\":\"$$.Execution\"},"
          + "\"End\":true}}}");
  static final StateMachineDefinition CHARGE = StateMachineDefinition.of("SdkCharge", """
      {"StartAt":"Prepare","States":{
        "Prepare":{"Type":"Pass","Result":1,"ResultPath":"$.prepared","Next":"Charge"},
        "Charge":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:charge",
          "ResultPath":"$.charge","End":true}}}""");

  static SfnServer server;
  static Engine sdk;

  @BeforeAll
  static void start() {
    server = SfnServer.start();
    sdk = SdkEngine.forEndpoint(server.endpoint());
  }

  @AfterAll
  static void stop() {
    sdk.close();
    server.close();
  }

  @Test
  void expressExecutionsRunThroughStartSyncExecution() {
    ExecutionResult sync = sdk.run(StartRequest.of(CONTEXT, "{}").withType(StateMachineType.EXPRESS).withSyncStart()
        .withExecutionName("quick-1"));
    assertThat(sync.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(sync.executionArn()).contains(":express:").contains(":quick-1:");
    assertThat(sync.output().orElseThrow().at("/execution/Id").asText()).isEqualTo(sync.executionArn());
    // started "asynchronously", an EXPRESS execution still runs through StartSyncExecution: AWS reports it no other way
    ExecutionResult async = sdk.run(StartRequest.of(CONTEXT, "{}").withType(StateMachineType.EXPRESS));
    assertThat(async.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(async.executionArn()).contains(":express:");
    assertThat(async.history().events()).isEmpty();
  }

  @Test
  void aFailedExecutionIsRedrivenThroughTheApi() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Charge").willThrow("Card.Declined", "no").thenReturn("{\"charged\":true}");
    Execution execution = sdk.start(StartRequest.of(CHARGE, "{}").withTaskHandler(mocks));
    assertThat(execution.awaitCompletion().status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.notRedrivableReason()).isEmpty();

    ExecutionResult redriven = execution.redrive().awaitCompletion();
    assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(redriven.redriveCount()).isEqualTo(1);
    assertThat(redriven.output().orElseThrow().at("/charge/charged").asBoolean()).isTrue();
    assertThat(redriven.history().enteredStateNames()).containsExactly("Prepare", "Charge", "Charge");
    assertThatThrownBy(execution::redrive).isInstanceOf(ExecutionNotRedrivableException.class)
        .hasMessageContaining("Execution is SUCCEEDED and cannot be redriven.");
  }

  @Test
  void aRedrivenMapRunIsReadBackThroughDescribeMapRun() {
    StateMachineDefinition distributed = StateMachineDefinition.of("SdkDist", """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":1,"End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Work",
            "States":{"Work":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:work",
              "End":true}}}}}}""");
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Work").willReturn("1").thenThrow("Work.Failed", "no").thenReturn("2");
    Execution execution = sdk.start(StartRequest.of(distributed, "[\"a\",\"b\"]").withTaskHandler(mocks));
    MapRunResult failed = execution.awaitCompletion().mapRuns().get(0);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.notRedrivableReason(failed.child(1))).isEmpty();
    assertThat(failed.notRedrivableReason(failed.child(0))).hasValue("Execution is SUCCEEDED and cannot be redriven.");

    MapRunResult run = execution.redrive().awaitCompletion().mapRuns().get(0);
    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(run.redriveCount()).isEqualTo(1);
    assertThat(run.redriveDate()).isPresent();
    assertThat(run.child(1).executionArn()).isEqualTo(failed.child(1).executionArn());
    assertThat(run.child(1).redriveCount()).isEqualTo(1);
    assertThat(run.child(0).redriveCount()).isZero();
  }
}
