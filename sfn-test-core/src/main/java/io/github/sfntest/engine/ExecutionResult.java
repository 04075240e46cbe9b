package io.github.sfntest.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.render.ExecutionRenderer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one finished execution: status, output or error/cause, and the full history.
 * It depends on nothing engine-specific, so results from any engine read and assert the same.
 */
public final class ExecutionResult {

  private final String executionArn;
  private final String stateMachineName;
  private final ExecutionStatus status;
  private final JsonNode input;
  private final JsonNode output;
  private final String error;
  private final String cause;
  private final Instant startDate;
  private final Instant stopDate;
  private final ExecutionHistory history;
  private final List<ExecutionResult> childExecutions;
  private final List<MapRunResult> mapRuns;
  private final BillingDetails billingDetails;

  /**
   * A result with the child executions it started (states:startExecution), the Map Runs of its
   * Distributed Map states, each in start order, and the billing details of an execution started
   * with StartSyncExecution (else null). Engines build results through {@code
   * internal.result.Results}; users only read them.
   */
  ExecutionResult(
      String executionArn,
      String stateMachineName,
      ExecutionStatus status,
      JsonNode input,
      JsonNode output,
      String error,
      String cause,
      Instant startDate,
      Instant stopDate,
      ExecutionHistory history,
      List<ExecutionResult> childExecutions,
      List<MapRunResult> mapRuns,
      BillingDetails billingDetails) {
    this.billingDetails = billingDetails;
    this.childExecutions = List.copyOf(childExecutions);
    this.mapRuns = List.copyOf(mapRuns);
    this.executionArn = Objects.requireNonNull(executionArn, "executionArn");
    this.stateMachineName = stateMachineName;
    this.status = Objects.requireNonNull(status, "status");
    this.input = input;
    this.output = output;
    this.error = error;
    this.cause = cause;
    this.startDate = startDate;
    this.stopDate = stopDate;
    this.history = Objects.requireNonNull(history, "history");
  }

  /**
   * The execution's ARN.
   *
   * @return the execution ARN
   */
  public String executionArn() {
    return executionArn;
  }

  /**
   * The name of the state machine that ran.
   *
   * @return the state machine name
   */
  public String stateMachineName() {
    return stateMachineName;
  }

  /**
   * How the execution ended (or RUNNING when taken before its end).
   *
   * @return the status
   */
  public ExecutionStatus status() {
    return status;
  }

  /**
   * The execution input.
   *
   * @return the input as given to the execution
   */
  public JsonNode input() {
    return input;
  }

  /**
   * The output of a succeeded execution.
   *
   * @return the output, empty unless the execution succeeded
   */
  public Optional<JsonNode> output() {
    return Optional.ofNullable(output);
  }

  /**
   * The error of a failed, timed-out or aborted execution, e.g. {@code States.TaskFailed}.
   *
   * @return the error, empty when there is none
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * The cause that came with {@link #error()}.
   *
   * @return the cause, empty when there is none
   */
  public Optional<String> cause() {
    return Optional.ofNullable(cause);
  }

  /**
   * When the execution started (virtual time on the in-process engine).
   *
   * @return the start date
   */
  public Instant startDate() {
    return startDate;
  }

  /**
   * When the execution ended (virtual time on the in-process engine).
   *
   * @return the stop date, null while it runs
   */
  public Instant stopDate() {
    return stopDate;
  }

  /**
   * Virtual (or real, on a remote engine) time between start and stop.
   *
   * @return the time from start to stop
   */
  public Duration elapsed() {
    return startDate == null || stopDate == null ? Duration.ZERO : Duration.between(startDate, stopDate);
  }

  /**
   * What AWS bills for this execution, as StartSyncExecution answers it ({@code billingDetails}).
   * Only an EXPRESS execution started with StartSyncExecution has them (in-process: {@code
   * StartRequest.withSyncStart()}, or {@code run(...)} of an EXPRESS machine under test).
   *
   * @return the billing details, empty for any other execution
   */
  public Optional<BillingDetails> billingDetails() {
    return Optional.ofNullable(billingDetails);
  }

  /**
   * The executions this one started through states:startExecution, in start order.
   *
   * @return the child executions' results
   */
  public List<ExecutionResult> childExecutions() {
    return childExecutions;
  }

  /**
   * The execution's event history, shaped like {@code GetExecutionHistory}.
   *
   * @return the history
   */
  public ExecutionHistory history() {
    return history;
  }

  /**
   * How often the execution was redriven (its {@code ExecutionRedriven} events); 0 if never.
   *
   * @return the redrive count, as DescribeExecution's {@code redriveCount}
   */
  public int redriveCount() {
    return history.ofType(io.github.sfntest.history.HistoryEventType.EXECUTION_REDRIVEN).size();
  }

  /**
   * The Map Runs of this execution's Distributed Map states, in start order (one per entry into
   * such a state). Child executions' own Map Runs are on their results.
   *
   * @return the Map Runs, in start order
   */
  public List<MapRunResult> mapRuns() {
    return mapRuns;
  }

  /**
   * The last Map Run of Distributed Map state {@code stateName}.
   *
   * @param stateName the Distributed Map state's name
   * @return that state's last Map Run
   */
  public MapRunResult mapRun(String stateName) {
    MapRunResult found = null;
    for (MapRunResult run : mapRuns) {
      if (run.stateName().equals(stateName)) {
        found = run;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException("No Map Run of state \"" + stateName + "\" in this execution; Map Runs: "
          + mapRuns.stream().map(MapRunResult::stateName).toList());
    }
    return found;
  }

  /**
   * The names of the states entered, in order, at every nesting level.
   *
   * @return the entered state names, in order
   */
  public List<String> visitedStates() {
    return history.enteredStateNames();
  }

  /**
   * A compact rendering of the execution: status, error, path, timings per state.
   *
   * @return a multi-line text for failure messages and logs
   */
  public String render() {
    return ExecutionRenderer.render(new ExecutionRenderer.ExecutionView(executionArn, stateMachineName, status.name(),
        status == ExecutionStatus.RUNNING, elapsed(), error, cause, status == ExecutionStatus.SUCCEEDED ? output : null,
        startDate, history));
  }

  @Override
  public String toString() {
    return "ExecutionResult{" + status + (error != null ? " " + error : "") + ", " + executionArn + "}";
  }
}
