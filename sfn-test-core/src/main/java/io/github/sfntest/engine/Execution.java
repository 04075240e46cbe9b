package io.github.sfntest.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.history.ExecutionHistory;
import java.time.Duration;
import java.util.List;

/**
 * A started execution. On the in-process engine nothing happens between calls, and virtual time
 * moves only in {@link #awaitTask}, {@link #awaitCompletion} and {@link #advanceTime}: {@code
 * start} and the callbacks run the execution until it has to wait (for time or a callback).
 *
 * <pre>{@code
 * Execution execution = engine.start(StartRequest.of(definition, "{\"orderId\": \"42\"}"));
 * WaitingTask approval = execution.awaitTask("WaitForApproval");
 * execution.sendTaskSuccess(approval.taskToken(), "{\"approved\": true}");
 * ExecutionResult result = execution.awaitCompletion();
 * }</pre>
 */
public interface Execution {

  String executionArn();

  ExecutionStatus status();

  /** The history so far. */
  ExecutionHistory history();

  /** Tasks currently waiting for a callback or an activity worker. */
  List<WaitingTask> waitingTasks();

  /**
   * Runs the execution (letting virtual time pass) until a task of state {@code stateName} waits
   * for a callback. Fails with a message naming what the execution did instead if it ends first.
   */
  WaitingTask awaitTask(String stateName);

  /**
   * Acts as an activity worker that polled with GetActivityTask: takes the activity task waiting in
   * {@code stateName} (recording ActivityStarted with {@code workerName}) and returns it, so the
   * test can answer with its token.
   */
  WaitingTask startActivityTask(String stateName, String workerName);

  void sendTaskSuccess(String taskToken, String outputJson);

  void sendTaskSuccess(String taskToken, JsonNode output);

  void sendTaskFailure(String taskToken, String error, String cause);

  void sendTaskHeartbeat(String taskToken);

  /** Moves virtual time forward, firing Wait states, retries and timeouts due on the way. */
  void advanceTime(Duration duration);

  /**
   * Lets virtual time pass until the execution ends or a task waits for a callback or an activity
   * worker; the timeouts of waiting tasks do not fire. Engines that run on real time do nothing.
   */
  default void runUntilBlocked() {}

  /** Stops the execution as StopExecution does (status ABORTED). */
  void stop(String error, String cause);

  /**
   * Runs the execution to its end, letting virtual time pass (timeouts fire). Throws {@link
   * IllegalStateException} if it can only go on after a callback the test has not sent.
   */
  ExecutionResult awaitCompletion();

  /**
   * Redrives this ended execution, as RedriveExecution does: it continues from the state that did
   * not succeed, with that state's original input; states that succeeded are not run again, and
   * variables and the history go on (an {@code ExecutionRedriven} event, {@code
   * $$.Execution.RedriveCount} one higher). Mocks answer the rerun task with their next response:
   * {@code mocks.onState("Charge").willThrow("Declined").thenReturn(...)} fails the first attempt
   * and succeeds after the redrive. Then call {@link #awaitCompletion()} again.
   *
   * @return this execution, running again
   * @throws ExecutionNotRedrivableException when AWS would refuse: a RUNNING or SUCCEEDED execution,
   *     an EXPRESS one, one that stopped more than 14 days ago (virtual time), or one that hit the
   *     history event limit or the maximum execution time
   * @throws UnsupportedOperationException when the engine cannot redrive
   */
  /**
   * Why {@link #redrive()} would be refused now, in AWS's words (DescribeExecution's {@code
   * redriveStatusReason}); empty when the execution can be redriven.
   *
   * @return the reason, or empty when redrivable
   */
  default java.util.Optional<String> notRedrivableReason() {
    return java.util.Optional.of(getClass().getSimpleName() + " cannot redrive executions");
  }

  default Execution redrive() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot redrive executions");
  }
}
