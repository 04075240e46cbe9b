package io.github.sfntest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.json.Json;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/**
 * What an in-process engine keeps of the executions it ran: an execution that can never be
 * redriven (SUCCEEDED, or EXPRESS) is not kept, so running one machine many times on one engine
 * does not pile up histories; a redrive by its ARN still gets AWS's refusal.
 */
class EngineRetentionTest {

  private static final StateMachineDefinition PASS = StateMachineDefinition.of("Keep",
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
  private static final StateMachineDefinition FAIL = StateMachineDefinition.of("Fails",
      "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\",\"Cause\":\"c\"}}}");

  @Test
  void aSucceededExecutionIsRefusedByArnWithAwsReason() {
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult result = engine.run(StartRequest.of(PASS, "{}"));
      assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThatThrownBy(() -> engine.redrive(result.executionArn()))
          .isInstanceOf(ExecutionNotRedrivableException.class)
          .extracting(e -> ((ExecutionNotRedrivableException) e).reason())
          .isEqualTo("Execution is SUCCEEDED and cannot be redriven.");
    }
  }

  @Test
  void anEndedExpressExecutionIsRefusedByArnAndAFailedStandardOneIsStillRedriven() {
    try (Engine engine = Engine.inProcess()) {
      ExecutionResult express = engine.run(StartRequest.of(FAIL, "{}").withType(StateMachineType.EXPRESS));
      assertThat(express.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThatThrownBy(() -> engine.redrive(express.executionArn()))
          .isInstanceOf(ExecutionNotRedrivableException.class)
          .hasMessageContaining("EXPRESS");

      ExecutionResult failed = engine.run(StartRequest.of(FAIL, "{}"));
      ExecutionResult redriven = engine.redrive(failed.executionArn()).awaitCompletion();
      assertThat(redriven.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(redriven.redriveCount()).isEqualTo(1);
    }
  }

  @Test
  void theEngineDoesNotKeepASucceededExecutionsInput() {
    try (Engine engine = Engine.inProcess()) {
      WeakReference<JsonNode> input = runAndDrop(engine);
      for (int i = 0; i < 20 && input.get() != null; i++) {
        System.gc();
      }
      assertThat(input.get()).as("the input of a succeeded execution the test no longer holds").isNull();
    }
  }

  private static WeakReference<JsonNode> runAndDrop(Engine engine) {
    JsonNode input = Json.parse("{\"big\":[1,2,3]}");
    assertThat(engine.run(StartRequest.of(PASS, input)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    return new WeakReference<>(input);
  }
}
