package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The engine's resources a running execution reaches: it starts executions of state machines
 * deployed on the same engine (states:startExecution, aws-sdk:sfn:startExecution and
 * startSyncExecution) and knows which activities exist.
 */
public interface ChildExecutions {

  /**
   * A started (not yet run) child execution, or null when no deployed state machine has this ARN
   * or name. {@code syncStart}: started as StartSyncExecution starts it (an EXPRESS child then has
   * no {@code RedriveCount} and gets billing details; a STANDARD child ignores it).
   */
  ExecutionRun start(String stateMachineArn, JsonNode input, String executionName, Instant startTime,
      boolean syncStart);

  /** As StartExecution starts it. */
  default ExecutionRun start(String stateMachineArn, JsonNode input, String executionName, Instant startTime) {
    return start(stateMachineArn, input, executionName, startTime, false);
  }

  /**
   * Like {@link #start(String, JsonNode, String, Instant)}, but the child runs on {@code parent}'s
   * scheduler (its clock and event loop), so it can wait for callbacks while the parent waits.
   */
  default ExecutionRun startOnSchedulerOf(ExecutionRun parent, String stateMachineArn, JsonNode input,
      String executionName) {
    return startOnSchedulerOf(parent, stateMachineArn, input, executionName, false);
  }

  /** As above, started as StartSyncExecution starts it when {@code syncStart}. */
  default ExecutionRun startOnSchedulerOf(ExecutionRun parent, String stateMachineArn, JsonNode input,
      String executionName, boolean syncStart) {
    return start(stateMachineArn, input, executionName, parent.now(), syncStart);
  }

  /** False when the engine's activity {@code activityArn} was deleted (and not created again). */
  default boolean activityExists(String activityArn) {
    return true;
  }
}
