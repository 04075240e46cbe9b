package io.github.sfntest.engine;

/** The status of an execution, spelled as AWS spells it. */
public enum ExecutionStatus {
  /** The execution is running or waiting for a callback. */
  RUNNING,
  /** The execution ended with an output. */
  SUCCEEDED,
  /** The execution failed with an error and a cause. */
  FAILED,
  /** The execution ran past its {@code TimeoutSeconds} or the maximum execution duration. */
  TIMED_OUT,
  /** The execution was stopped (StopExecution, or its parent ended). */
  ABORTED,
  /** RedriveExecution was called and the execution waits to run again. */
  PENDING_REDRIVE
}
