package io.github.sfntest.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.MockedResponses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated and hostile execution inputs (and mock results) through JSONPath, intrinsic and JSONata
 * states: every one is refused with an {@link IllegalArgumentException} that says why, or runs to
 * an end whose history can be written; nothing else escapes, nothing hangs.
 */
class ExecutionInputFuzzTest {

  static final long SEED = 2222L;
  // A fixed count, so every run tries the same seeded inputs; sized so the four fuzzers and the
  // validator fuzz stay under a minute together on a 2-core CI machine.
  static final int INPUTS = 300;

  static final String INPUT_SEED = "{\"a\": {\"b\": [1, 2.5, \"three\", null, true]}, \"items\": [{\"x\": 1}, {\"x\": 2}],"
      + " \"n\": 42, \"s\": \"text\", \"w\": 1}";

  static final List<String> DEFINITIONS = List.of(
      """
      {"StartAt": "P", "States": {
        "P": {"Type": "Pass", "Parameters": {"all.$": "$", "b.$": "$.a.b", "len.$": "States.ArrayLength($.items)",
              "json.$": "States.JsonToString($)", "h.$": "States.Hash(States.JsonToString($.a), 'SHA-256')"},
              "ResultPath": "$.out", "Next": "C"},
        "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 10, "Next": "M"}], "Default": "M"},
        "M": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "I",
              "States": {"I": {"Type": "Pass", "End": true}}}, "ResultPath": "$.mapped", "Next": "T"},
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "ResultPath": "$.task", "End": true}}}
      """,
      """
      {"QueryLanguage": "JSONata", "StartAt": "J", "States": {
        "J": {"Type": "Pass", "Assign": {"v": "{% $states.input %}"},
              "Output": "{% {'keys': $keys($states.input), 'str': $string($states.input), 'n': $states.input.n * 2, 'sum': $sum($states.input.items.x), 'len': $length($string($states.input.s))} %}", "Next": "T"},
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": "{% $v %}",
              "Output": "{% $states.result %}", "Next": "W"},
        "W": {"Type": "Wait", "Seconds": "{% $exists($v.w) and $type($v.w) = 'number' and $v.w >= 0 and $v.w < 100 ? $v.w : 1 %}", "End": true}}}
      """);

  @Test
  void hostile_execution_inputs_are_refused_clearly_or_run_to_an_end() {
    Outcomes outcomes = new Outcomes("execution inputs and mock results");
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Mutator mutator = new Mutator(SEED);
      List<StateMachineDefinition> definitions = DEFINITIONS.stream().map(StateMachineDefinition::of).toList();
      try (Engine engine = Engine.inProcess()) {
        for (int i = 0; i < INPUTS; i++) {
          String input;
          String taskResult;
          if (i % 2 == 0) {
            input = new String(mutator.mutate(INPUT_SEED), StandardCharsets.UTF_8);
            taskResult = "{\"ok\": true}";
          } else {
            input = INPUT_SEED.replace("\"text\"", HostileValues.pick(mutator.random()));
            taskResult = HostileValues.pick(mutator.random());
          }
          one(engine, definitions.get(i % definitions.size()), input, taskResult, outcomes);
        }
      }
    }, "an execution input hung");
    outcomes.assertNothingEscaped(INPUTS);
  }

  static void one(Engine engine, StateMachineDefinition definition, String input, String taskResult, Outcomes outcomes) {
    StartRequest request;
    MockedResponses mocks = MockedResponses.create();
    try {
      request = StartRequest.of(definition, input);
      mocks.onState("T").willReturn(taskResult);
    } catch (IllegalArgumentException e) {
      outcomes.count("refused: " + reason(e.getMessage()));
      return;
    } catch (RuntimeException | Error e) {
      outcomes.escape(Outcomes.kind(e) + " at start", input, e);
      return;
    }
    try {
      ExecutionResult result = engine.run(request.withTaskHandler(mocks));
      Json.write(result.history().toJson());
      result.output().ifPresent(Json::write);
      outcomes.count("ran: " + result.status() + result.error().map(e -> " " + e).orElse(""));
    } catch (IllegalArgumentException e) {
      outcomes.count("refused: " + reason(e.getMessage()));
    } catch (RuntimeException | Error e) {
      outcomes.escape(Outcomes.kind(e) + " while running", input + "\n  task result: " + taskResult, e);
    }
  }

  static String reason(String message) {
    if (message == null) {
      return "no message";
    }
    if (message.contains("nested deeper")) {
      return "too deep";
    }
    if (message.contains("Number out of range")) {
      return "number out of range";
    }
    if (message.contains("256 KiB") || message.contains("262144")) {
      return "over 256 KiB";
    }
    return "not JSON";
  }
}
