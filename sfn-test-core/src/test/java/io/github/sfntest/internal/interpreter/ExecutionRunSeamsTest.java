package io.github.sfntest.internal.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.internal.asl.Definitions;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seams the interpreter split opened: the run observer and the observable I/O steps. */
class ExecutionRunSeamsTest {

  private static ExecutionRun run(String asl, String input, TaskHandler handler) {
    RunSettings settings = new RunSettings("sm", "arn:aws:states:us-east-1:123456789012:stateMachine:sm", "e",
        "arn:aws:states:us-east-1:123456789012:execution:sm:e", "arn:aws:iam::123456789012:role/r", "us-east-1",
        "123456789012", Instant.parse("2024-01-01T00:00:00Z"), 7L, 25_000, 262_144);
    return new ExecutionRun(Definitions.model(StateMachineDefinition.of("sm", asl)), settings, Json.parse(input),
        handler);
  }

  private static final class Recorder implements RunObserver {
    final List<String> seen = new ArrayList<>();

    @Override
    public void entered(StateEntry entry) {
      seen.add("entered " + entry.state.name());
    }

    @Override
    public void exited(StateEntry entry, String next) {
      seen.add("exited " + entry.state.name() + " -> " + next
          + (entry.choiceTaken != -2 ? " (rule " + entry.choiceTaken + ")" : ""));
    }

    @Override
    public void retried(StateEntry entry, int retrierIndex, String error) {
      seen.add("retried " + entry.state.name() + " #" + retrierIndex + " " + error);
    }

    @Override
    public void caught(StateEntry entry, int catcherIndex, String error) {
      seen.add("caught " + entry.state.name() + " #" + catcherIndex + " " + error);
    }
  }

  @Test
  void observer_sees_choice_rules_default_retries_and_catchers() {
    String asl = """
        {"StartAt": "Pick", "States": {
          "Pick": {"Type": "Choice", "Choices": [
              {"Variable": "$.n", "NumericEquals": 1, "Next": "One"},
              {"Variable": "$.n", "NumericEquals": 2, "Next": "Call"}],
            "Default": "One"},
          "One": {"Type": "Pass", "End": true},
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            "Retry": [{"ErrorEquals": ["Other"]}, {"ErrorEquals": ["Boom"], "MaxAttempts": 1}],
            "Catch": [{"ErrorEquals": ["Other"], "Next": "One"}, {"ErrorEquals": ["States.ALL"], "Next": "One"}],
            "End": true}}}""";
    TaskHandler failing = invocation -> TaskOutcome.failure("Boom", "always");
    Recorder recorder = new Recorder();
    ExecutionRun run = run(asl, "{\"n\": 2}", failing);
    run.observe(recorder);
    run.start();
    run.runUntilIdle(true);

    assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(recorder.seen).containsExactly(
        "entered Pick",
        "exited Pick -> Call (rule 1)",
        "entered Call",
        "retried Call #1 Boom",
        "caught Call #1 Boom",
        "exited Call -> One",
        "entered One",
        "exited One -> null");

    Recorder defaults = new Recorder();
    ExecutionRun other = run(asl, "{\"n\": 9}", failing);
    other.observe(defaults);
    other.start();
    other.runUntilIdle(true);
    assertThat(defaults.seen).startsWith("entered Pick", "exited Pick -> One (rule -1)");
  }

  @Test
  void io_observer_sees_each_processing_step_in_order() {
    String asl = """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.in",
          "Parameters": {"v.$": "$.x"}, "ResultPath": "$.r", "OutputPath": "$.r", "End": true}}}""";
    ExecutionRun run = run(asl, "{\"in\": {\"x\": 5}}", TaskHandler.none());
    List<String> steps = new ArrayList<>();
    run.io().observe((entry, step, value) -> steps.add(step + " " + Json.write(value)));
    run.start();
    run.runUntilIdle(true);

    ExecutionResult result = run.result();
    JsonNode output = result.output().orElseThrow();
    assertThat(Json.write(output)).isEqualTo("{\"v\":5}");
    assertThat(steps).containsExactly(
        "INPUT_PATH {\"x\":5}",
        "PARAMETERS {\"v\":5}",
        "RESULT {\"v\":5}",
        "RESULT_PATH {\"in\":{\"x\":5},\"r\":{\"v\":5}}",
        "OUTPUT_PATH {\"v\":5}");
  }

  @Test
  void engine_reaches_the_in_process_engine_through_its_provider() throws Exception {
    try (Engine engine = Engine.inProcess()) {
      assertThat(engine).isInstanceOf(InProcessEngine.class);
      ExecutionResult result = engine.run(StateMachineDefinition.of("p",
          "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 1, \"End\": true}}}"), "{}");
      assertThat(result.output().map(Json::write)).contains("1");
    }
  }
}
