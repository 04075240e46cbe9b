package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.json.Json;
import org.junit.jupiter.api.Test;

/**
 * billingDetails of StartSyncExecution, and aws-sdk:sfn:startExecution / startSyncExecution of
 * deployed machines, in-process.
 */
class ExpressBillingAndSdkStartsTest {

  static final StateMachineDefinition WAIT = StateMachineDefinition.of("Rules", """
      {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":2,"Next":"P"},
        "P":{"Type":"Pass","Parameters":{"id.$":"$$.Execution.Id","ctx.$":"$$.Execution"},"End":true}}}""");

  static final StateMachineDefinition FAILS = StateMachineDefinition.of("Broken", """
      {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Rule.Broken","Cause":"no rule"}}}""");

  static StateMachineDefinition parent(String action, String target) {
    return StateMachineDefinition.of("Parent", """
        {"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:%s",
          "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:111111111111:stateMachine:%s",
            "Input":{"order":1},"Name":"child1","TraceHeader":"Root=1-abc"},"End":true}}}""".formatted(action, target));
  }

  @Test
  void aSyncStartedExpressExecutionIsBilledIn100MsStepsAnd64MbChunks() {
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult sync = engine.run(StartRequest.of(WAIT, "{}").withType(StateMachineType.EXPRESS).withSyncStart());
      // 2 s of virtual time: already a multiple of 100 ms; a small machine fits the first 64 MB chunk
      assertThat(sync.billingDetails()).contains(new BillingDetails(64, 2000));

      StateMachineDefinition instant = StateMachineDefinition.of("Instant",
          "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
      ExecutionResult quick = engine.run(StartRequest.of(instant, "{}").withType(StateMachineType.EXPRESS).withSyncStart());
      assertThat(quick.billingDetails().orElseThrow().billedDurationInMilliseconds()).isEqualTo(100);

      // only StartSyncExecution answers billing details
      assertThat(engine.run(StartRequest.of(WAIT, "{}").withType(StateMachineType.EXPRESS)).billingDetails()).isEmpty();
      assertThat(engine.run(StartRequest.of(WAIT, "{}")).billingDetails()).isEmpty();
    }
  }

  @Test
  void memoryGrowsWithMapIterationsTimesTheExecutionData() {
    // 20 iterations of 4 MB of input exceed the first 64 MB chunk
    StateMachineDefinition map = StateMachineDefinition.of("Big", """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"Next":"M"},
          "M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},
            "StartAt":"I","States":{"I":{"Type":"Pass","Result":1,"End":true}}},"ResultPath":null,"End":true}}}""");
    StringBuilder items = new StringBuilder("{\"pad\":\"").append("x".repeat(4 * 1024 * 1024)).append("\",\"items\":[");
    for (int i = 0; i < 20; i++) {
      items.append(i == 0 ? "" : ",").append(i);
    }
    items.append("]}");
    try (Engine engine = Engine.inProcess(EngineOptions.builder().maxPayloadBytes(0).build())) {
      ExecutionResult sync = engine.run(StartRequest.of(map, items.toString()).withType(StateMachineType.EXPRESS)
          .withSyncStart());
      BillingDetails billing = sync.billingDetails().orElseThrow();
      // 50 MB + definition + 4 MB x 20 iterations = ~130 MB: three 64 MB chunks
      assertThat(billing.billedMemoryUsedInMB()).isEqualTo(192);
      assertThat(billing.billedDurationInMilliseconds()).isEqualTo(1000);
    }
  }

  @Test
  void awsSdkStartSyncExecutionRunsTheDeployedExpressMachineAndAnswersItsResponse() {
    try (Engine engine = Engine.inProcess()) {
      engine.deploy(WAIT, StateMachineType.EXPRESS);
      ExecutionResult result = engine.run(StartRequest.of(parent("startSyncExecution", "Rules"), "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      JsonNode out = result.output().orElseThrow();
      ExecutionResult child = result.childExecutions().get(0);
      assertThat(out.get("ExecutionArn").asText()).isEqualTo(child.executionArn()).contains(":express:Rules:child1:");
      assertThat(out.get("StateMachineArn").asText()).isEqualTo("arn:aws:states:us-east-1:111111111111:stateMachine:Rules");
      assertThat(out.get("Name").asText()).isEqualTo("child1");
      assertThat(out.get("Status").asText()).isEqualTo("SUCCEEDED");
      assertThat(Json.parse(out.get("Input").asText())).isEqualTo(Json.parse("{\"order\":1}"));
      assertThat(out.at("/InputDetails/Included").asBoolean()).isTrue();
      // started as StartSyncExecution starts it: no RedriveCount in the child's context object
      JsonNode childOutput = Json.parse(out.get("Output").asText());
      assertThat(childOutput.get("id").asText()).isEqualTo(child.executionArn());
      assertThat(childOutput.get("ctx").has("RedriveCount")).isFalse();
      assertThat(out.at("/OutputDetails/Included").asBoolean()).isTrue();
      assertThat(out.at("/BillingDetails/BilledDurationInMilliseconds").asLong()).isEqualTo(2000);
      assertThat(out.at("/BillingDetails/BilledMemoryUsedInMB").asLong()).isEqualTo(64);
      assertThat(out.get("TraceHeader").asText()).isEqualTo("Root=1-abc");
      assertThat(out.get("StartDate").asText()).isEqualTo("2024-01-01T00:00:00.000Z");
      assertThat(out.get("StopDate").asText()).isEqualTo("2024-01-01T00:00:02.000Z");
      // the call lasts as long as the child: the parent ends 2 s later
      assertThat(result.elapsed()).hasSeconds(2);
      assertThat(child.billingDetails()).contains(new BillingDetails(64, 2000));
    }
  }

  @Test
  void aFailedChildIsASuccessfulStartSyncExecutionCallWithItsErrorAndCause() {
    try (Engine engine = Engine.inProcess()) {
      engine.deploy(FAILS, StateMachineType.EXPRESS);
      ExecutionResult result = engine.run(StartRequest.of(parent("startSyncExecution", "Broken"), "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      JsonNode out = result.output().orElseThrow();
      assertThat(out.get("Status").asText()).isEqualTo("FAILED");
      assertThat(out.get("Error").asText()).isEqualTo("Rule.Broken");
      assertThat(out.get("Cause").asText()).isEqualTo("no rule");
      assertThat(out.has("Output")).isFalse();
    }
  }

  @Test
  void startSyncExecutionOfAStandardMachineFailsAsTheApiRefusesIt() {
    try (Engine engine = Engine.inProcess()) {
      engine.deploy(WAIT, StateMachineType.STANDARD);
      ExecutionResult result = engine.run(StartRequest.of(parent("startSyncExecution", "Rules"), "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.error()).contains("Sfn.StateMachineTypeNotSupportedException");
      assertThat(result.cause().orElseThrow()).startsWith("This operation is not supported by this type of state machine")
          .contains("(Service: Sfn, Status Code: 400, Request ID: ");
      assertThat(result.childExecutions()).isEmpty();
    }
  }

  @Test
  void awsSdkStartExecutionStartsTheDeployedMachineAndAnswersArnAndStartDate() {
    try (Engine engine = Engine.inProcess()) {
      engine.deploy(WAIT, StateMachineType.STANDARD);
      ExecutionResult result = engine.run(StartRequest.of(parent("startExecution", "Rules"), "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      JsonNode out = result.output().orElseThrow();
      // as recorded on AWS (services.aws_sdk_task_service.sfn_start_execution): these two members only
      assertThat(out.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("ExecutionArn", "StartDate");
      assertThat(out.get("ExecutionArn").asText())
          .isEqualTo("arn:aws:states:us-east-1:111111111111:execution:Rules:child1")
          .isEqualTo(result.childExecutions().get(0).executionArn());
      assertThat(result.childExecutions().get(0).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      // fire and forget: the parent does not wait for the child's 2 s
      assertThat(result.elapsed()).isZero();
    }
  }

  @Test
  void withoutADeployedMachineTheAwsSdkTaskStillNeedsAMock() {
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult result = engine.run(StartRequest.of(parent("startSyncExecution", "Nowhere"), "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.cause().orElseThrow()).contains("has no mock");
    }
  }
}
