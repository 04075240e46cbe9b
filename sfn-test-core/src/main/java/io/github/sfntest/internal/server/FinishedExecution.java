package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.internal.interpreter.TaskTokenException;
import java.time.Duration;
import java.util.List;

/** A child execution that already ran inside its parent's engine, served like any execution. */
final class FinishedExecution implements Execution {
  private final ExecutionResult result;

  FinishedExecution(ExecutionResult result) {
    this.result = result;
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
    throw new IllegalStateException("The execution " + result.executionArn() + " has ended (" + result.status() + ")");
  }

  @Override
  public WaitingTask startActivityTask(String stateName, String workerName) {
    return awaitTask(stateName);
  }

  @Override
  public void sendTaskSuccess(String taskToken, String outputJson) {
    throw new TaskTokenException("Invalid Token: the execution has ended");
  }

  @Override
  public void sendTaskSuccess(String taskToken, JsonNode output) {
    throw new TaskTokenException("Invalid Token: the execution has ended");
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    throw new TaskTokenException("Invalid Token: the execution has ended");
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    throw new TaskTokenException("Invalid Token: the execution has ended");
  }

  @Override
  public void advanceTime(Duration duration) {}

  @Override
  public void stop(String error, String cause) {}

  @Override
  public ExecutionResult awaitCompletion() {
    return result;
  }
}
