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
}
