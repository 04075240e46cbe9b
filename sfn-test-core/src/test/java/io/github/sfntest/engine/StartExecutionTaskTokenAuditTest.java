package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import org.junit.jupiter.api.Test;

/**
 * Audit (issue 15): {@code $$.Task.Token} inside the states:startExecution variants. AWS documents
 * the token for the callback pattern ("pass a task token", {@code .waitForTaskToken}); a Task state
 * of another pattern has no token, so the path does not resolve and the state fails as any
 * unresolved {@code .$} path does (States.Runtime naming the field).
 */
class StartExecutionTaskTokenAuditTest {

  static final StateMachineDefinition CHILD = StateMachineDefinition.of("Child",
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");

  static StateMachineDefinition parent(String resourceSuffix) {
    return StateMachineDefinition.of("Parent", """
        {"StartAt":"Start","States":{"Start":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution%s",
          "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:111111111111:stateMachine:Child",
            "Input":{"TaskToken.$":"$$.Task.Token"}},"End":true}}}""".formatted(resourceSuffix));
  }

  @Test
  void withoutTheCallbackPatternTheTaskTokenPathDoesNotResolve() {
    try (Engine engine = Engine.inProcess()) {
      engine.deploy(CHILD);
      for (String pattern : new String[] {"", ".sync", ".sync:2"}) {
        ExecutionResult result = engine.run(StartRequest.of(parent(pattern), "{}"));
        assertThat(result.status()).as(pattern).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).as(pattern).contains("States.Runtime");
        assertThat(result.cause().orElseThrow()).as(pattern).contains("$$.Task.Token").contains("TaskToken.$");
        assertThat(result.childExecutions()).as(pattern).isEmpty();
      }
    }
  }

  @Test
  void withWaitForTaskTokenTheChildReceivesTheTokenTheParentWaitsOn() {
    try (Engine engine = Engine.inProcess()) {
      engine.deploy(CHILD);
      Execution execution = engine.start(StartRequest.of(parent(".waitForTaskToken"), "{}"));
      WaitingTask waiting = execution.awaitTask("Start");
      assertThat(waiting.parameters().at("/Input/TaskToken").asText()).isEqualTo(waiting.taskToken()).isNotBlank();
      execution.sendTaskSuccess(waiting.taskToken(), "{\"done\":true}");
      assertThat(execution.awaitCompletion().output().orElseThrow().get("done").asBoolean()).isTrue();
    }
  }
}
