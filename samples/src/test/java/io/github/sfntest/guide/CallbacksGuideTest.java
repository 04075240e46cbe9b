package io.github.sfntest.guide;

import static io.github.sfntest.assertions.SfnAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.engine.WaitingTask;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/callbacks-and-time.md: callbacks answered by the test, time that passes only when told. */
class CallbacksGuideTest {

  static final StateMachineDefinition APPROVAL = StateMachineDefinition.fromClasspath("guide/approval.asl.json");

  @Test
  void the_test_answers_the_callback() {
    // [callback-answered]
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(APPROVAL, "{\"order\": 7}"));

      WaitingTask approval = execution.awaitTask("WaitForApproval");   // the token and what the task sent
      assertThat(approval.parameters().at("/MessageBody/order").asInt()).isEqualTo(7);
      execution.sendTaskSuccess(approval.taskToken(), "{\"approved\": true}");

      ExecutionResult result = execution.awaitCompletion();
      assertThat(result).succeeded().hasOutput("{\"approved\": true}");
    }
    // [/callback-answered]
  }

  @Test
  void nobody_answers_and_the_timeout_fires_in_virtual_time() {
    // [callback-timeout]
    try (Engine engine = Engine.inProcess()) {
      Execution execution = engine.start(StartRequest.of(APPROVAL, "{\"order\": 8}"));
      execution.awaitTask("WaitForApproval");

      execution.advanceTime(Duration.ofHours(23));                      // not yet
      assertThat(execution.waitingTasks()).hasSize(1);

      ExecutionResult result = execution.awaitCompletion();            // runs the clock to the timeout
      assertThat(result).failedWith("ApprovalExpired").tookAtLeast(Duration.ofDays(1));
    }
    // [/callback-timeout]
  }
}
