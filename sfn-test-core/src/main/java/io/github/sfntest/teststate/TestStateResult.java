package io.github.sfntest.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a single-state test answers, as AWS's TestState response: the status, the output, the error
 * and cause, the next state and the {@link InspectionData}.
 *
 * @param status how the state ended
 * @param output the state's output (absent when it failed or would be retried)
 * @param error the error, when the state failed, would be retried or was caught
 * @param cause the error's cause
 * @param nextState the state it goes to (absent at an end, a failure or a retry)
 * @param inspection the processing data (empty at {@code INFO})
 */
public record TestStateResult(
    TestStateStatus status,
    Optional<JsonNode> output,
    Optional<String> error,
    Optional<String> cause,
    Optional<String> nextState,
    InspectionData inspection) {

  /**
   * Checks the members are present.
   *
   * @param status how the state ended
   * @param output the state's output
   * @param error the error's name
   * @param cause the error's cause
   * @param nextState the state it goes to
   * @param inspection the processing data
   */
  public TestStateResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(nextState, "nextState");
    Objects.requireNonNull(inspection, "inspection");
  }
}
