package io.github.sfntest.history;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every event type of AWS {@code GetExecutionHistory}, with AWS's spelling and the name of the
 * details object the event carries.
 */
public enum HistoryEventType {
  /** AWS's {@code ActivityFailed} event. */
  ACTIVITY_FAILED("ActivityFailed", "activityFailedEventDetails"),
  /** AWS's {@code ActivityScheduled} event. */
  ACTIVITY_SCHEDULED("ActivityScheduled", "activityScheduledEventDetails"),
  /** AWS's {@code ActivityScheduleFailed} event. */
  ACTIVITY_SCHEDULE_FAILED("ActivityScheduleFailed", "activityScheduleFailedEventDetails"),
  /** AWS's {@code ActivityStarted} event. */
  ACTIVITY_STARTED("ActivityStarted", "activityStartedEventDetails"),
  /** AWS's {@code ActivitySucceeded} event. */
  ACTIVITY_SUCCEEDED("ActivitySucceeded", "activitySucceededEventDetails"),
  /** AWS's {@code ActivityTimedOut} event. */
  ACTIVITY_TIMED_OUT("ActivityTimedOut", "activityTimedOutEventDetails"),
  /** AWS's {@code ChoiceStateEntered} event. */
  CHOICE_STATE_ENTERED("ChoiceStateEntered", "stateEnteredEventDetails"),
  /** AWS's {@code ChoiceStateExited} event. */
  CHOICE_STATE_EXITED("ChoiceStateExited", "stateExitedEventDetails"),
  /** AWS's {@code ExecutionAborted} event. */
  EXECUTION_ABORTED("ExecutionAborted", "executionAbortedEventDetails"),
  /** AWS's {@code ExecutionFailed} event. */
  EXECUTION_FAILED("ExecutionFailed", "executionFailedEventDetails"),
  /** AWS's {@code ExecutionStarted} event. */
  EXECUTION_STARTED("ExecutionStarted", "executionStartedEventDetails"),
  /** AWS's {@code ExecutionSucceeded} event. */
  EXECUTION_SUCCEEDED("ExecutionSucceeded", "executionSucceededEventDetails"),
  /** AWS's {@code ExecutionTimedOut} event. */
  EXECUTION_TIMED_OUT("ExecutionTimedOut", "executionTimedOutEventDetails"),
  /** AWS's {@code ExecutionRedriven} event. */
  EXECUTION_REDRIVEN("ExecutionRedriven", "executionRedrivenEventDetails"),
  /** AWS's {@code FailStateEntered} event. */
  FAIL_STATE_ENTERED("FailStateEntered", "stateEnteredEventDetails"),
  /** AWS's {@code LambdaFunctionFailed} event. */
  LAMBDA_FUNCTION_FAILED("LambdaFunctionFailed", "lambdaFunctionFailedEventDetails"),
  /** AWS's {@code LambdaFunctionScheduled} event. */
  LAMBDA_FUNCTION_SCHEDULED("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails"),
  /** AWS's {@code LambdaFunctionScheduleFailed} event. */
  LAMBDA_FUNCTION_SCHEDULE_FAILED("LambdaFunctionScheduleFailed", "lambdaFunctionScheduleFailedEventDetails"),
  /** AWS's {@code LambdaFunctionStarted} event. */
  LAMBDA_FUNCTION_STARTED("LambdaFunctionStarted", null),
  /** AWS's {@code LambdaFunctionStartFailed} event. */
  LAMBDA_FUNCTION_START_FAILED("LambdaFunctionStartFailed", "lambdaFunctionStartFailedEventDetails"),
  /** AWS's {@code LambdaFunctionSucceeded} event. */
  LAMBDA_FUNCTION_SUCCEEDED("LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails"),
  /** AWS's {@code LambdaFunctionTimedOut} event. */
  LAMBDA_FUNCTION_TIMED_OUT("LambdaFunctionTimedOut", "lambdaFunctionTimedOutEventDetails"),
  /** AWS's {@code MapIterationAborted} event. */
  MAP_ITERATION_ABORTED("MapIterationAborted", "mapIterationAbortedEventDetails"),
  /** AWS's {@code MapIterationFailed} event. */
  MAP_ITERATION_FAILED("MapIterationFailed", "mapIterationFailedEventDetails"),
  /** AWS's {@code MapIterationStarted} event. */
  MAP_ITERATION_STARTED("MapIterationStarted", "mapIterationStartedEventDetails"),
  /** AWS's {@code MapIterationSucceeded} event. */
  MAP_ITERATION_SUCCEEDED("MapIterationSucceeded", "mapIterationSucceededEventDetails"),
  /** AWS's {@code MapStateAborted} event. */
  MAP_STATE_ABORTED("MapStateAborted", null),
  /** AWS's {@code MapStateEntered} event. */
  MAP_STATE_ENTERED("MapStateEntered", "stateEnteredEventDetails"),
  /** AWS's {@code MapStateExited} event. */
  MAP_STATE_EXITED("MapStateExited", "stateExitedEventDetails"),
  /** AWS's {@code MapStateFailed} event. */
  MAP_STATE_FAILED("MapStateFailed", null),
  /** AWS's {@code MapStateStarted} event. */
  MAP_STATE_STARTED("MapStateStarted", "mapStateStartedEventDetails"),
  /** AWS's {@code MapStateSucceeded} event. */
  MAP_STATE_SUCCEEDED("MapStateSucceeded", null),
  /** AWS's {@code ParallelStateAborted} event. */
  PARALLEL_STATE_ABORTED("ParallelStateAborted", null),
  /** AWS's {@code ParallelStateEntered} event. */
  PARALLEL_STATE_ENTERED("ParallelStateEntered", "stateEnteredEventDetails"),
  /** AWS's {@code ParallelStateExited} event. */
  PARALLEL_STATE_EXITED("ParallelStateExited", "stateExitedEventDetails"),
  /** AWS's {@code ParallelStateFailed} event. */
  PARALLEL_STATE_FAILED("ParallelStateFailed", null),
  /** AWS's {@code ParallelStateStarted} event. */
  PARALLEL_STATE_STARTED("ParallelStateStarted", null),
  /** AWS's {@code ParallelStateSucceeded} event. */
  PARALLEL_STATE_SUCCEEDED("ParallelStateSucceeded", null),
  /** AWS's {@code PassStateEntered} event. */
  PASS_STATE_ENTERED("PassStateEntered", "stateEnteredEventDetails"),
  /** AWS's {@code PassStateExited} event. */
  PASS_STATE_EXITED("PassStateExited", "stateExitedEventDetails"),
  /** AWS's {@code SucceedStateEntered} event. */
  SUCCEED_STATE_ENTERED("SucceedStateEntered", "stateEnteredEventDetails"),
  /** AWS's {@code SucceedStateExited} event. */
  SUCCEED_STATE_EXITED("SucceedStateExited", "stateExitedEventDetails"),
  /** AWS's {@code TaskFailed} event. */
  TASK_FAILED("TaskFailed", "taskFailedEventDetails"),
  /** AWS's {@code TaskScheduled} event. */
  TASK_SCHEDULED("TaskScheduled", "taskScheduledEventDetails"),
  /** AWS's {@code TaskStarted} event. */
  TASK_STARTED("TaskStarted", "taskStartedEventDetails"),
  /** AWS's {@code TaskStartFailed} event. */
  TASK_START_FAILED("TaskStartFailed", "taskStartFailedEventDetails"),
  /** AWS's {@code TaskStateAborted} event. */
  TASK_STATE_ABORTED("TaskStateAborted", null),
  /** AWS's {@code TaskStateEntered} event. */
  TASK_STATE_ENTERED("TaskStateEntered", "stateEnteredEventDetails"),
  /** AWS's {@code TaskStateExited} event. */
  TASK_STATE_EXITED("TaskStateExited", "stateExitedEventDetails"),
  /** AWS's {@code TaskSubmitFailed} event. */
  TASK_SUBMIT_FAILED("TaskSubmitFailed", "taskSubmitFailedEventDetails"),
  /** AWS's {@code TaskSubmitted} event. */
  TASK_SUBMITTED("TaskSubmitted", "taskSubmittedEventDetails"),
  /** AWS's {@code TaskSucceeded} event. */
  TASK_SUCCEEDED("TaskSucceeded", "taskSucceededEventDetails"),
  /** AWS's {@code TaskTimedOut} event. */
  TASK_TIMED_OUT("TaskTimedOut", "taskTimedOutEventDetails"),
  /** AWS's {@code WaitStateAborted} event. */
  WAIT_STATE_ABORTED("WaitStateAborted", null),
  /** AWS's {@code WaitStateEntered} event. */
  WAIT_STATE_ENTERED("WaitStateEntered", "stateEnteredEventDetails"),
  /** AWS's {@code WaitStateExited} event. */
  WAIT_STATE_EXITED("WaitStateExited", "stateExitedEventDetails"),
  /** AWS's {@code MapRunAborted} event. */
  MAP_RUN_ABORTED("MapRunAborted", "mapRunAbortedEventDetails"),
  /** AWS's {@code MapRunFailed} event. */
  MAP_RUN_FAILED("MapRunFailed", "mapRunFailedEventDetails"),
  /** AWS's {@code MapRunStarted} event. */
  MAP_RUN_STARTED("MapRunStarted", "mapRunStartedEventDetails"),
  /** AWS's {@code MapRunSucceeded} event. */
  MAP_RUN_SUCCEEDED("MapRunSucceeded", null),
  /** AWS's {@code MapRunRedriven} event. */
  MAP_RUN_REDRIVEN("MapRunRedriven", "mapRunRedrivenEventDetails"),
  /** AWS's {@code EvaluationFailed} event. */
  EVALUATION_FAILED("EvaluationFailed", "evaluationFailedEventDetails");

  private static final Map<String, HistoryEventType> BY_AWS_NAME = new HashMap<>();

  static {
    for (HistoryEventType type : values()) {
      BY_AWS_NAME.put(type.awsName, type);
    }
  }

  private final String awsName;
  private final String detailsKey;

  HistoryEventType(String awsName, String detailsKey) {
    this.awsName = awsName;
    this.detailsKey = detailsKey;
  }

  /**
   * The type as AWS spells it, e.g. {@code TaskStateEntered}.
   *
   * @return the AWS name
   */
  public String awsName() {
    return awsName;
  }

  /**
   * The key of the details object, e.g. {@code stateEnteredEventDetails}; empty if none.
   *
   * @return the details key, or empty
   */
  public Optional<String> detailsKey() {
    return Optional.ofNullable(detailsKey);
  }

  /**
   * True for the {@code *StateEntered} types.
   *
   * @return whether this is a state-entered type
   */
  public boolean isStateEntered() {
    return awsName.endsWith("StateEntered");
  }

  /**
   * True for the {@code *StateExited} types.
   *
   * @return whether this is a state-exited type
   */
  public boolean isStateExited() {
    return awsName.endsWith("StateExited");
  }

  /**
   * The type AWS calls {@code awsName}.
   *
   * @param awsName the type as AWS spells it, e.g. {@code TaskFailed}
   * @return the type
   * @throws IllegalArgumentException for a name AWS does not use
   */
  public static HistoryEventType fromAwsName(String awsName) {
    HistoryEventType type = BY_AWS_NAME.get(awsName);
    if (type == null) {
      throw new IllegalArgumentException("Unknown history event type: " + awsName);
    }
    return type;
  }

  @Override
  public String toString() {
    return awsName;
  }
}
