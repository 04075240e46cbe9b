package io.github.sfntest.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;

/** What a {@link TaskHandler} answers for one {@link TaskInvocation}. */
public sealed interface TaskOutcome {

  /** The integration returned {@code output} (the raw service result), after {@code latency}. */
  record Success(JsonNode output, Duration latency) implements TaskOutcome {
    /**
     * A success; both components are required.
     *
     * @param output the raw service result
     * @param latency virtual time before the task completes
     */
    public Success {
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(latency, "latency");
    }
  }

  /**
   * The integration failed with {@code error}/{@code cause}, after {@code latency}. Either may be
   * {@code null}: AWS then records the {@code TaskFailed} event without that field (e.g. {@code
   * send-task-failure} without an error, or a MockConfigFile {@code "Throw": {}}), and only {@code
   * States.ALL} catches it.
   */
  record Failure(String error, String cause, Duration latency) implements TaskOutcome {
    /**
     * A failure; the latency is required.
     *
     * @param error the error, or null
     * @param cause the cause, or null
     * @param latency virtual time before the task fails
     */
    public Failure {
      Objects.requireNonNull(latency, "latency");
    }
  }

  /**
   * The call was accepted but completes later: a {@code .waitForTaskToken} task or an activity
   * waits for send-task-success/failure. {@code submitOutput} is what the service call itself
   * returned (recorded in {@code TaskSubmitted}), or {@code null}.
   */
  record AwaitCallback(JsonNode submitOutput) implements TaskOutcome {}

  /** Nothing answers this invocation (no mock, no handler). */
  record NotHandled(String reason) implements TaskOutcome {}

  /**
   * A success without latency.
   *
   * @param output the raw service result
   * @return the outcome
   */
  static TaskOutcome success(JsonNode output) {
    return new Success(output, Duration.ZERO);
  }

  /**
   * A failure without latency.
   *
   * @param error the error, or null
   * @param cause the cause, or null
   * @return the outcome
   */
  static TaskOutcome failure(String error, String cause) {
    return new Failure(error, cause, Duration.ZERO);
  }
}
