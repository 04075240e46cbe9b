package io.github.sfntest.engine;

/**
 * The type of a state machine: how AWS runs its executions.
 *
 * <p>{@link #EXPRESS} executions have {@code express:} ARNs
 * ({@code arn:aws:states:REGION:ACCOUNT:express:MACHINE:NAME:ID}), no {@code RedriveCount} in the
 * context object, end after at most 5 minutes, and cannot use {@code .sync} or
 * {@code .waitForTaskToken} integrations or activities. See {@code docs/execution-model.md}.
 */
public enum StateMachineType {
  /** Exactly-once, long-running executions (up to a year), with an execution history in the API. */
  STANDARD,
  /** At-least-once executions of at most 5 minutes, started asynchronously or with StartSyncExecution. */
  EXPRESS
}
