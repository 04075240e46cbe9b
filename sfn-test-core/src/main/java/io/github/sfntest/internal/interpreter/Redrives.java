package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.time.Instant;

/**
 * AWS's rules for RedriveExecution: which executions can be redriven, and why not (the
 * {@code redriveStatusReason} texts of DescribeExecution's API reference).
 */
public final class Redrives {

  /** AWS redrives an execution up to 14 days after it stopped. */
  public static final Duration REDRIVABLE_PERIOD = Duration.ofDays(14);

  private Redrives() {}

  /** Null when the execution can be redriven at {@code now}; else AWS's reason. */
  static String notRedrivableReason(boolean express, ExecutionStatus status, String neverRedrivable, Instant stopDate,
      Instant now) {
    if (express) {
      return "Execution is of type EXPRESS: RedriveExecution supports STANDARD state machines only.";
    }
    if (status == ExecutionStatus.RUNNING) {
      return "Execution is RUNNING and cannot be redriven.";
    }
    if (status == ExecutionStatus.SUCCEEDED) {
      return "Execution is SUCCEEDED and cannot be redriven.";
    }
    if (neverRedrivable != null) {
      return neverRedrivable;
    }
    if (stopDate != null && now.isAfter(stopDate.plus(REDRIVABLE_PERIOD))) {
      return "Execution redrivable period exceeded.";
    }
    return null;
  }

  /** {@code executionRedrivenEventDetails}. */
  static ObjectNode details(int redriveCount) {
    ObjectNode details = Json.NODES.objectNode();
    details.put("redriveCount", redriveCount);
    return details;
  }
}
