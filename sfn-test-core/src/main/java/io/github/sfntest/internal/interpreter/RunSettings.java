package io.github.sfntest.internal.interpreter;

import java.time.Instant;

/**
 * Identity and limits of one execution.
 *
 * @param startedSync started with StartSyncExecution (an EXPRESS execution whose caller waits)
 */
public record RunSettings(
    String stateMachineName,
    String stateMachineArn,
    String executionName,
    String executionArn,
    String roleArn,
    String region,
    String account,
    Instant startTime,
    long seed,
    int maxHistoryEvents,
    int maxPayloadBytes,
    boolean startedSync) {

  /** Settings of an execution started with StartExecution. */
  public RunSettings(String stateMachineName, String stateMachineArn, String executionName, String executionArn,
      String roleArn, String region, String account, Instant startTime, long seed, int maxHistoryEvents,
      int maxPayloadBytes) {
    this(stateMachineName, stateMachineArn, executionName, executionArn, roleArn, region, account, startTime, seed,
        maxHistoryEvents, maxPayloadBytes, false);
  }

  /** An EXPRESS execution: its ARN is an {@code express:} ARN. */
  public boolean express() {
    String[] parts = executionArn.split(":", 7);
    return parts.length > 5 && parts[5].equals("express");
  }
}
