package io.github.sfntest.engine;

/**
 * RedriveExecution refused: the execution is not a FAILED, TIMED_OUT or ABORTED STANDARD execution
 * that stopped at most 14 days ago (on the engine's clock), or it ended for a reason AWS never
 * redrives (history event limit, maximum execution time). AWS's API answers
 * {@code ExecutionNotRedrivable}.
 */
public final class ExecutionNotRedrivableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * A refusal.
   *
   * @param executionArn the execution that cannot be redriven
   * @param reason AWS's {@code redriveStatusReason}, e.g. "Execution is SUCCEEDED and cannot be redriven."
   */
  public ExecutionNotRedrivableException(String executionArn, String reason) {
    super("The execution " + executionArn + " cannot be redriven: " + reason);
    this.reason = reason;
  }

  /**
   * Why, in AWS's words (DescribeExecution's {@code redriveStatusReason}).
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
