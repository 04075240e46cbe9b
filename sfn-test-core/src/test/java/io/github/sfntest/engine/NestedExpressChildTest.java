package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import org.junit.jupiter.api.Test;

/** states:startExecution of a deployed EXPRESS machine starts an EXPRESS child execution. */
class NestedExpressChildTest {

  private static final StateMachineDefinition CHILD = StateMachineDefinition.of("Rules", """
      {"StartAt":"Id","States":{"Id":{"Type":"Pass","Parameters":{"id.$":"$$.Execution.Id"},"End":true}}}""");

  private static final StateMachineDefinition PARENT = StateMachineDefinition.of("Parent", """
      {"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution",
        "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:Rules","Input":{}},
        "End":true}}}""");

  @Test
  void aChildOfAnExpressMachineHasAnExpressArn() {
    try (Engine engine = Engine.inProcess()) {
      engine.deploy(CHILD, StateMachineType.EXPRESS);
      ExecutionResult result = engine.run(StartRequest.of(PARENT, "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      String childArn = result.output().orElseThrow().get("ExecutionArn").asText();
      assertThat(childArn).contains(":express:Rules:");
      ExecutionResult child = result.childExecutions().get(0);
      assertThat(child.executionArn()).isEqualTo(childArn);
      // The child's own $$.Execution.Id is that express: ARN.
      assertThat(child.output().orElseThrow().get("id").asText()).isEqualTo(childArn);
    }
  }

  @Test
  void aStandardChildKeepsItsExecutionArnAndRedeployingChangesTheType() {
    try (Engine engine = Engine.inProcess()) {
      engine.deploy(CHILD, StateMachineType.EXPRESS);
      engine.deploy(CHILD, StateMachineType.STANDARD);
      ExecutionResult result = engine.run(StartRequest.of(PARENT, "{}"));
      assertThat(result.output().orElseThrow().get("ExecutionArn").asText()).contains(":execution:Rules:");
    }
  }

  @Test
  void aDefinitionAwsRefusesForExpressCannotBeDeployedAsExpress() {
    StateMachineDefinition callback = StateMachineDefinition.of("Callback", """
        {"StartAt":"Wait","States":{"Wait":{"Type":"Task",
          "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"QueueUrl":"q","MessageBody":{"t.$":"$$.Task.Token"}},"End":true}}}""");
    try (Engine engine = Engine.inProcess()) {
      assertThatThrownBy(() -> engine.deploy(callback, StateMachineType.EXPRESS))
          .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("waitForTaskToken");
    }
  }

  @Test
  void anExpressChildTimesOutAfterFiveMinutes() {
    StateMachineDefinition slow = StateMachineDefinition.of("Rules", """
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":400,"End":true}}}""");
    try (Engine engine = Engine.inProcess()) {
      engine.deploy(slow, StateMachineType.EXPRESS);
      ExecutionResult result = engine.run(StartRequest.of(PARENT, "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED); // fire and forget
      assertThat(result.childExecutions().get(0).status()).isEqualTo(ExecutionStatus.TIMED_OUT);
      engine.deploy(slow, StateMachineType.STANDARD);
      ExecutionResult standard = engine.run(StartRequest.of(PARENT, "{}"));
      assertThat(standard.childExecutions().get(0).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }
}
