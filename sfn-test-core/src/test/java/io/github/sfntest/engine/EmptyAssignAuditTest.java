package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import org.junit.jupiter.api.Test;

/**
 * Audit (issue 15): an empty {@code Assign} object. AWS's variables page asks for "a JSON object
 * with variable names and values" and names no minimum; no recording (conformance cases or
 * validation answers) has one. We accept it, assign nothing and keep the variables already set.
 */
class EmptyAssignAuditTest {

  @Test
  void anEmptyAssignIsAcceptedAndAssignsNothing() {
    StateMachineDefinition machine = StateMachineDefinition.of("EmptyAssign", """
        {"StartAt":"Set","States":{
          "Set":{"Type":"Pass","Assign":{"x":1},"Next":"Empty"},
          "Empty":{"Type":"Pass","Assign":{},"Next":"Read"},
          "Read":{"Type":"Pass","Parameters":{"x.$":"$x"},"End":true}}}""");
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult result = engine.run(StartRequest.of(machine, "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(result.output().orElseThrow().get("x").asInt()).isEqualTo(1);
      HistoryEvent exited = result.history().ofType(HistoryEventType.PASS_STATE_EXITED).get(1);
      // the state has an Assign, so its exit records assignedVariables, here empty (not yet seen recorded on AWS)
      assertThat(exited.toJson().at("/stateExitedEventDetails/name").asText()).isEqualTo("Empty");
      assertThat(exited.toJson().at("/stateExitedEventDetails/assignedVariables").isEmpty()).isTrue();
      assertThat(exited.toJson().at("/stateExitedEventDetails/assignedVariables").isObject()).isTrue();
    }
  }
}
