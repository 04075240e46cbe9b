package io.github.sfntest.internal.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.history.ExecutionHistory;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An execution that had already ended when it was handed out (a child that ran inside its parent's
 * engine, an EXPRESS execution answered by StartSyncExecution): its result is final, time and
 * StopExecution change nothing, and whatever needs a running execution is refused the caller's way.
 */
public final class EndedExecution implements Execution {
  private final ExecutionResult result;
  private final Function<String, RuntimeException> refusal;
  private final Supplier<RuntimeException> tokenRefusal;

  /**
   * An ended execution.
   *
   * @param result its final result
   * @param refusal the exception for a call that needs it running, given what the call wanted to do
   * @param tokenRefusal the exception for a callback or heartbeat sent to it
   */
  public EndedExecution(ExecutionResult result, Function<String, RuntimeException> refusal,
      Supplier<RuntimeException> tokenRefusal) {
    this.result = result;
    this.refusal = refusal;
    this.tokenRefusal = tokenRefusal;
  }

  @Override
  public String executionArn() {
    return result.executionArn();
  }

  @Override
  public ExecutionStatus status() {
    return result.status();
  }

  @Override
  public ExecutionHistory history() {
    return result.history();
  }

  @Override
  public List<WaitingTask> waitingTasks() {
    return List.of();
  }

  @Override
  public WaitingTask awaitTask(String stateName) {
    throw refusal.apply("wait for a callback in state \"" + stateName + "\"");
  }

  @Override
  public WaitingTask startActivityTask(String stateName, String workerName) {
    throw refusal.apply("hand out an activity task");
  }

  @Override
  public void sendTaskSuccess(String taskToken, String outputJson) {
    throw tokenRefusal.get();
  }

  @Override
  public void sendTaskSuccess(String taskToken, JsonNode output) {
    throw tokenRefusal.get();
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    throw tokenRefusal.get();
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    throw tokenRefusal.get();
  }

  @Override
  public void advanceTime(Duration duration) {
    // the execution has ended: nothing is due
  }

  @Override
  public void stop(String error, String cause) {
    // StopExecution of an ended execution changes nothing
  }

  @Override
  public ExecutionResult awaitCompletion() {
    return result;
  }
}
