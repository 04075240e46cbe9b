package io.github.sfntest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.WaitingTask;
import io.github.sfntest.history.ExecutionHistory;
import java.time.Duration;
import java.util.List;

/** An execution that remembers its result, for the failure summary. */
final class RecordingExecution implements Execution {

  private final Execution delegate;
  private final String stateMachineName;
  private final io.github.sfntest.definition.StateMachineDefinition definition;
  private final JsonNode input;
  private final EngineOptions options;
  private volatile ExecutionResult result;

  RecordingExecution(Execution delegate, io.github.sfntest.definition.StateMachineDefinition definition, JsonNode input,
      EngineOptions options) {
    this.delegate = delegate;
    this.stateMachineName = definition.name();
    this.definition = definition;
    this.input = input;
    this.options = options;
  }

  String stateMachineName() {
    return stateMachineName;
  }

  io.github.sfntest.definition.StateMachineDefinition definition() {
    return definition;
  }

  /** The result if it finished through {@link #awaitCompletion()}, else the history so far. */
  ExecutionResult snapshot() {
    ExecutionResult r = result;
    return r != null ? r : TestRun.runningSnapshot(delegate, stateMachineName, input, options.startTime());
  }

  @Override
  public String executionArn() {
    return delegate.executionArn();
  }

  @Override
  public ExecutionStatus status() {
    return delegate.status();
  }

  @Override
  public ExecutionHistory history() {
    return delegate.history();
  }

  @Override
  public List<WaitingTask> waitingTasks() {
    return delegate.waitingTasks();
  }

  @Override
  public WaitingTask awaitTask(String stateName) {
    return delegate.awaitTask(stateName);
  }

  @Override
  public void runUntilBlocked() {
    delegate.runUntilBlocked();
  }

  @Override
  public WaitingTask startActivityTask(String stateName, String workerName) {
    return delegate.startActivityTask(stateName, workerName);
  }

  @Override
  public void sendTaskSuccess(String taskToken, String outputJson) {
    delegate.sendTaskSuccess(taskToken, outputJson);
  }

  @Override
  public void sendTaskSuccess(String taskToken, JsonNode output) {
    delegate.sendTaskSuccess(taskToken, output);
  }

  @Override
  public void sendTaskFailure(String taskToken, String error, String cause) {
    delegate.sendTaskFailure(taskToken, error, cause);
  }

  @Override
  public void sendTaskHeartbeat(String taskToken) {
    delegate.sendTaskHeartbeat(taskToken);
  }

  @Override
  public void advanceTime(Duration duration) {
    delegate.advanceTime(duration);
  }

  @Override
  public void stop(String error, String cause) {
    delegate.stop(error, cause);
  }

  @Override
  public java.util.Optional<String> notRedrivableReason() {
    return delegate.notRedrivableReason();
  }

  @Override
  public Execution redrive() {
    delegate.redrive();
    result = null; // the execution runs again: its report is the history from now on
    return this;
  }

  @Override
  public ExecutionResult awaitCompletion() {
    ExecutionResult r = delegate.awaitCompletion();
    result = r;
    return r;
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
