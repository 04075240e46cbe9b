package io.github.sfntest.engine;

/** The status of an execution, spelled as AWS spells it. */
public enum ExecutionStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED,
  PENDING_REDRIVE
}
