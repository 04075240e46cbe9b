package io.github.sfntest.coverage;

import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.mock.MockedResponses;

/** A machine with every kind of coverage item: Choice rules to the same state, Retry, Catch, Parallel, Map. */
final class CoverageFixtures {

  private CoverageFixtures() {}

  static final StateMachineDefinition MACHINE = StateMachineDefinition.of("Router", """
      {"StartAt": "Route", "States": {
        "Route": {"Type": "Choice", "Choices": [
            {"Variable": "$.kind", "StringEquals": "a", "Next": "Work"},
            {"Variable": "$.kind", "StringEquals": "b", "Next": "Work"},
            {"Variable": "$.kind", "StringEquals": "p", "Next": "Fan"}],
          "Default": "Done"},
        "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
          "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 1, "MaxAttempts": 2},
                    {"ErrorEquals": ["Other"], "MaxAttempts": 1}],
          "Catch": [{"ErrorEquals": ["Fatal"], "Next": "Failed"}, {"ErrorEquals": ["States.ALL"], "Next": "Done"}],
          "Next": "Done"},
        "Fan": {"Type": "Parallel", "Branches": [
            {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "End": true}}},
            {"StartAt": "Items", "States": {"Items": {"Type": "Map", "ItemsPath": "$.items",
               "ItemProcessor": {"StartAt": "Each", "States": {"Each": {"Type": "Pass", "End": true}}}, "End": true}}}],
          "Next": "Done"},
        "Failed": {"Type": "Fail", "Error": "E"},
        "Done": {"Type": "Succeed"}}}
      """);

  static ExecutionResult run(String input, MockedResponses mocks) {
    try (Engine engine = Engine.inProcess()) {
      return engine.run(StartRequest.of(MACHINE, input).withTaskHandler(mocks));
    }
  }

  /** kind b, one Transient failure retried, then success. */
  static ExecutionResult retriedThroughRuleTwo() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Work").willThrow("Transient").thenReturn("{}");
    return run("{\"kind\": \"b\"}", mocks);
  }

  /** kind a, a Fatal error caught by the first catcher. */
  static ExecutionResult caughtFatal() {
    MockedResponses mocks = MockedResponses.create();
    mocks.onState("Work").willThrow("Fatal");
    return run("{\"kind\": \"a\"}", mocks);
  }

  /** kind p: the Parallel with a Map of two items. */
  static ExecutionResult fannedOut() {
    return run("{\"kind\": \"p\", \"items\": [1, 2]}", MockedResponses.create());
  }
}
