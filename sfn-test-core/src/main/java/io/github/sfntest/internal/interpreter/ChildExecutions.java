package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Starts executions of state machines deployed on the same engine (states:startExecution). */
public interface ChildExecutions {

  /**
   * A started (not yet run) child execution, or null when no deployed state machine has this ARN
   * or name.
   */
  ExecutionRun start(String stateMachineArn, JsonNode input, String executionName, Instant startTime);

  /**
   * Like {@link #start(String, JsonNode, String, Instant)}, but the child runs on {@code parent}'s
   * scheduler (its clock and event loop), so it can wait for callbacks while the parent waits.
   */
  default ExecutionRun startOnSchedulerOf(ExecutionRun parent, String stateMachineArn, JsonNode input,
      String executionName) {
    return start(stateMachineArn, input, executionName, parent.now());
  }
}
