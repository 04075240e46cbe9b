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

  /** The same execution identity and limits, starting at {@code start} (an EXPRESS child started anew). */
  public RunSettings startingAt(Instant start) {
    return new RunSettings(stateMachineName, stateMachineArn, executionName, executionArn, roleArn, region, account,
        start, seed, maxHistoryEvents, maxPayloadBytes, startedSync);
  }

  /** An EXPRESS execution: its ARN is an {@code express:} ARN. */
  public boolean express() {
    // The sixth ':'-separated field is the resource type; read in place (every execution asks, at least twice).
    int from = 0;
    for (int i = 0; i < 5; i++) {
      from = executionArn.indexOf(':', from) + 1;
      if (from == 0) {
        return false;
      }
    }
    int end = executionArn.indexOf(':', from);
    return (end < 0 ? executionArn.length() : end) - from == "express".length()
        && executionArn.startsWith("express", from);
  }

  /** Why the real-time guard (EngineOptions.maxWallClock) stopped an execution. */
  static String wallClockSpent(long maxWallClockNanos) {
    return "The execution computed for more than "
        + (maxWallClockNanos < 1_000_000_000L ? maxWallClockNanos / 1_000_000 + " ms" : maxWallClockNanos / 1_000_000_000 + " s")
        + " of real time and was stopped: sfn-test's guard against an execution hanging a test (a loop with the"
        + " history limit lifted?). Raise it with EngineOptions.builder().maxWallClock(...) or"
        + " -Dsfntest.maxWallClockSeconds=N; 0 disables it.";
  }
}
