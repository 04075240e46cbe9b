package io.github.sfntest.mock;

import io.github.sfntest.internal.json.Json;
import java.time.Instant;
import java.util.Optional;

/** Builds the invocations the engine would pass. */
final class Invocations {

  static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
  static final String EXECUTION = "arn:aws:states:us-east-1:111111111111:execution:LocalTesting:e1";

  private Invocations() {}

  static TaskInvocation call(String state, String resource, String parameters, int index) {
    return call("LocalTesting", EXECUTION, state, resource, parameters, index);
  }

  static TaskInvocation call(
      String machine, String execution, String state, String resource, String parameters, int index) {
    return new TaskInvocation(
        machine,
        execution,
        state,
        resource,
        Json.parse(parameters),
        index,
        0,
        Optional.empty(),
        Instant.parse("2024-01-01T00:00:00Z"));
  }

  static TaskInvocation lambda(String state, String functionName, int index) {
    return call(state, LAMBDA_INVOKE, "{\"FunctionName\":\"" + functionName + "\",\"Payload\":{\"n\":" + index + "}}", index);
  }
}
