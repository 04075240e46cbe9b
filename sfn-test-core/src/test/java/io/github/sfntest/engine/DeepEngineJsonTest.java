package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import org.junit.jupiter.api.Test;

/** A value the engine itself builds deeper than the JSON nesting limit fails the state, not the test. */
class DeepEngineJsonTest {

  private static ExecutionResult run(String definition, String input) {
    try (Engine engine = Engine.inProcess()) {
      return engine.run(StartRequest.of(StateMachineDefinition.of("Deep", definition), input));
    }
  }

  @Test
  void aResultPathOf600SegmentsFailsTheStateWithStatesRuntime() {
    String path = "$" + ".a".repeat(600);
    ExecutionResult result = run("{\"StartAt\":\"Nest\",\"States\":{\"Nest\":{\"Type\":\"Pass\",\"Result\":1,"
        + "\"ResultPath\":\"" + path + "\",\"End\":true}}}", "{}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).contains("States.Runtime");
    assertThat(result.cause().orElseThrow()).contains("'Nest'").contains("ResultPath").contains("512");
  }

  @Test
  void aMockedResultNestedTooDeepFailsTheTaskStateWithStatesRuntime() {
    com.fasterxml.jackson.databind.node.ObjectNode deep = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    com.fasterxml.jackson.databind.node.ObjectNode inner = deep;
    for (int i = 0; i < 600; i++) {
      inner = inner.putObject("a");
    }
    StateMachineDefinition machine = StateMachineDefinition.of("Deep", "{\"StartAt\":\"Call\",\"States\":{\"Call\":{"
        + "\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:111111111111:function:f\",\"End\":true}}}");
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult result = engine.run(StartRequest.of(machine, "{}")
          .withTaskHandler(invocation -> io.github.sfntest.mock.TaskOutcome.success(deep)));
      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.error()).contains("States.Runtime");
      assertThat(result.cause().orElseThrow()).contains("function:f").contains("512");
    }
  }
}
