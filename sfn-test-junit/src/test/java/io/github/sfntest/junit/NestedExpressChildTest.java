package io.github.sfntest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StateMachineType;
import io.github.sfntest.testing.StateMachineUnderTest;
import org.junit.jupiter.api.Test;

/** A declared EXPRESS machine started by another one's states:startExecution task runs as an EXPRESS child. */
@StateMachineTest(definition = "express/nested-parent.asl.json", name = "Parent",
    machines = @StateMachine(value = "Rules", definition = "express/context.asl.json", type = StateMachineType.EXPRESS))
class NestedExpressChildTest {

  @Test
  void theChildIsAnExpressExecutionStartedWithStartExecution(StateMachineUnderTest parent) {
    ExecutionResult result = parent.run();
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String childArn = result.output().orElseThrow().get("ExecutionArn").asText();
    assertThat(childArn).startsWith("arn:aws:states:us-east-1:111111111111:express:Rules:");
    ExecutionResult child = result.childExecutions().get(0);
    assertThat(child.output().orElseThrow().at("/execution/Id").asText()).isEqualTo(childArn);
    // Started with StartExecution (not StartSyncExecution): RedriveCount 0 in its context object.
    assertThat(child.output().orElseThrow().at("/execution/RedriveCount").asInt(-1)).isZero();
  }
}
