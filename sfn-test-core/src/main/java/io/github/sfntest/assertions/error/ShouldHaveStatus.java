package io.github.sfntest.assertions.error;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.internal.render.Text;
import org.assertj.core.error.ErrorMessageFactory;

/** Messages of the status assertions. */
public final class ShouldHaveStatus {

  private ShouldHaveStatus() {}

  /**
   * <pre>
   * Expecting execution "exec-7f3a" of state machine "OrderFlow" to have succeeded,
   * but it FAILED with:
   *   error: "States.TaskFailed"
   *   cause: "Rate exceeded"
   * Visited states:
   *   Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError
   * </pre>
   *
   * @param actual the execution
   * @param expected the expected status
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveStatus(ExecutionResult actual, ExecutionStatus expected) {
    return new SfnErrorMessage(
        "Expecting " + Blocks.describe(actual) + " to have " + verb(expected) + ",\n"
            + "but it " + actualOutcome(actual) + "\n"
            + Blocks.path(actual));
  }

  /**
   * Expected a failure with this error (and cause, if not null), got another outcome.
   *
   * @param actual the execution
   * @param error the expected error
   * @param cause the expected cause, or null for any
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveFailedWith(
      ExecutionResult actual, String error, String cause) {
    return new SfnErrorMessage(
        "Expecting " + Blocks.describe(actual) + " to have failed with:\n"
            + errorCause(error, cause, cause != null) + "\n"
            + "but it " + actualOutcome(actual) + "\n"
            + Blocks.path(actual));
  }

  static String errorCause(String error, String cause, boolean withCause) {
    String text = "  error: " + Text.quote(error);
    return withCause ? text + "\n  cause: " + Text.quote(cause) : text;
  }

  private static String actualOutcome(ExecutionResult actual) {
    ExecutionStatus status = actual.status();
    return switch (status) {
      case SUCCEEDED -> "SUCCEEDED with output:\n" + Blocks.json(actual.output().orElse(null));
      case FAILED, TIMED_OUT, ABORTED -> status + " with:\n" + errorCause(actual.error().orElse(null), actual.cause().orElse(null), true);
      default -> "is " + status;
    };
  }

  private static String verb(ExecutionStatus status) {
    return switch (status) {
      case SUCCEEDED -> "succeeded";
      case FAILED -> "failed";
      case TIMED_OUT -> "timed out";
      case ABORTED -> "been aborted";
      default -> "status " + status;
    };
  }
}
