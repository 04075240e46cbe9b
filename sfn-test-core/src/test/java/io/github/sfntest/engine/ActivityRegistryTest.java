package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import org.junit.jupiter.api.Test;

/**
 * A task on a deleted activity fails as AWS recorded it (conformance case
 * activities.activity_task_on_deleted): TaskStateEntered, then ExecutionFailed with States.Runtime.
 */
class ActivityRegistryTest {

  static final String ARN = "arn:aws:states:us-east-1:111111111111:activity:activity-u0000001";
  static final StateMachineDefinition MACHINE = StateMachineDefinition.of("Worker",
      "{\"StartAt\":\"ActivityTask\",\"States\":{\"ActivityTask\":{\"Type\":\"Task\",\"Resource\":\"" + ARN
          + "\",\"End\":true}}}");

  @Test
  void aTaskOnADeletedActivityFailsTheExecutionBeforeScheduling() {
    try (Engine engine = Engine.inProcess()) {
      assertThat(engine.createActivity("activity-u0000001")).isEqualTo(ARN);
      engine.deleteActivity(ARN);
      ExecutionResult result = engine.run(StartRequest.of(MACHINE, "{\"Value1\":\"HelloWorld\"}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(result.error()).contains("States.Runtime");
      assertThat(result.cause()).contains("An error occurred while executing the state 'ActivityTask' (entered at the "
          + "event id #2). The activity " + ARN + " does not exist.");
      assertThat(result.history().events()).extracting(HistoryEvent::type).containsExactly(
          HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.EXECUTION_FAILED);
      assertThat(result.history().events().get(2).previousEventId()).isEqualTo(2);
    }
  }

  @Test
  void anActivityCreatedAgainOrNeverDeclaredWaitsForItsWorker() {
    try (Engine engine = Engine.inProcess()) {
      engine.deleteActivity(ARN);
      engine.createActivity("activity-u0000001");
      Execution again = engine.start(StartRequest.of(MACHINE, "{}"));
      assertThat(again.awaitTask("ActivityTask").taskToken()).isNotBlank();
      // a never-created activity is presumed to exist: the test answers it
      Execution undeclared = engine.start(StartRequest.of(StateMachineDefinition.of("Other", MACHINE.toJson()
          .replace("activity-u0000001", "never-declared")), "{}"));
      assertThat(undeclared.awaitTask("ActivityTask").taskToken()).isNotBlank();
    }
  }
}
