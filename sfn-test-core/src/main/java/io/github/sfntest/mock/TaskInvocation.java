package io.github.sfntest.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a Task state's resource, as the engine hands it to a {@link TaskHandler}.
 *
 * @param stateMachineName the name of the state machine being executed
 * @param executionArn the execution's ARN
 * @param stateName the Task state's name
 * @param resource the state's {@code Resource} after substitutions, e.g. {@code
 *     arn:aws:states:::lambda:invoke.waitForTaskToken}
 * @param parameters the effective parameters (after {@code InputPath}/{@code Parameters}, or
 *     {@code Arguments} in JSONata)
 * @param invocationIndex 0-based count of earlier invocations of this state in this execution,
 *     retries and Map iterations included (the MockConfigFile counter)
 * @param retryCount how many retries of this state preceded this attempt in the current entry
 * @param taskToken the task token for {@code .waitForTaskToken} and activity tasks, if any
 * @param time the virtual time of the invocation
 */
public record TaskInvocation(
    String stateMachineName,
    String executionArn,
    String stateName,
    String resource,
    JsonNode parameters,
    int invocationIndex,
    int retryCount,
    Optional<String> taskToken,
    Instant time) {

  /**
   * Checks that the required components are there.
   *
   * @param stateMachineName the name of the state machine being executed
   * @param executionArn the execution's ARN
   * @param stateName the Task state's name
   * @param resource the state's {@code Resource} after substitutions
   * @param parameters the effective parameters
   * @param invocationIndex 0-based count of earlier invocations of this state in this execution
   * @param retryCount how many retries preceded this attempt in the current entry
   * @param taskToken the task token, if any
   * @param time the virtual time of the invocation
   */
  public TaskInvocation {
    Objects.requireNonNull(stateName, "stateName");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(taskToken, "taskToken");
  }
}
