package io.github.sfntest.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Map Run of a Distributed Map state: what it read, how it batched, and every child workflow
 * execution with its own result and history. AWS keeps child executions out of the parent's
 * history (which only has {@code MapRunStarted}/{@code MapRunSucceeded}/{@code MapRunFailed}), so
 * this is where a test looks at them: {@code result.mapRun("ProcessFiles").failedChildren()}.
 */
public final class MapRunResult {

  private final String mapRunArn;
  private final String stateName;
  private final String label;
  private final String executionType;
  private final ExecutionStatus status;
  private final String error;
  private final String cause;
  private final int itemCount;
  private final int batchCount;
  private final int maxConcurrency;
  private final Long toleratedFailureCount;
  private final Double toleratedFailurePercentage;
  private final int failedItemCount;
  private final List<ExecutionResult> children;
  private final JsonNode resultWriterDetails;

  /** Engines build Map Run results through {@code internal.result.Results}; users only read them. */
  MapRunResult(
      String mapRunArn,
      String stateName,
      String label,
      String executionType,
      ExecutionStatus status,
      String error,
      String cause,
      int itemCount,
      int batchCount,
      int maxConcurrency,
      Long toleratedFailureCount,
      Double toleratedFailurePercentage,
      int failedItemCount,
      List<ExecutionResult> children,
      JsonNode resultWriterDetails) {
    this.mapRunArn = Objects.requireNonNull(mapRunArn, "mapRunArn");
    this.stateName = Objects.requireNonNull(stateName, "stateName");
    this.label = label;
    this.executionType = executionType;
    this.status = Objects.requireNonNull(status, "status");
    this.error = error;
    this.cause = cause;
    this.itemCount = itemCount;
    this.batchCount = batchCount;
    this.maxConcurrency = maxConcurrency;
    this.toleratedFailureCount = toleratedFailureCount;
    this.toleratedFailurePercentage = toleratedFailurePercentage;
    this.failedItemCount = failedItemCount;
    this.children = List.copyOf(children);
    this.resultWriterDetails = resultWriterDetails;
  }

  public String mapRunArn() {
    return mapRunArn;
  }

  /** The Distributed Map state that ran it. */
  public String stateName() {
    return stateName;
  }

  /** The state's {@code Label}, if any. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** {@code STANDARD} or {@code EXPRESS}: the child executions' type. */
  public String executionType() {
    return executionType;
  }

  /** SUCCEEDED, FAILED or ABORTED (RUNNING while the parent still runs). */
  public ExecutionStatus status() {
    return status;
  }

  /** Why the Map Run failed: {@code States.ExceedToleratedFailureThreshold}, {@code States.ItemReaderFailed}, ... */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  public Optional<String> cause() {
    return Optional.ofNullable(cause);
  }

  /** Items the Map Run processed: read by the ItemReader (after MaxItems) or taken from the input. */
  public int itemCount() {
    return itemCount;
  }

  /** Child inputs the ItemBatcher built; 0 when the state has no ItemBatcher. */
  public int batchCount() {
    return batchCount;
  }

  /** The effective MaxConcurrency (AWS's default for a Distributed Map is 10,000). */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  public Optional<Long> toleratedFailureCount() {
    return Optional.ofNullable(toleratedFailureCount);
  }

  public Optional<Double> toleratedFailurePercentage() {
    return Optional.ofNullable(toleratedFailurePercentage);
  }

  /** Items in failed or timed-out children (a failed batch counts every item in it). */
  public int failedItemCount() {
    return failedItemCount;
  }

  /** Every child execution started, in item (batch) order. */
  public List<ExecutionResult> children() {
    return children;
  }

  /** The child that processed item (or batch) {@code index}. */
  public ExecutionResult child(int index) {
    if (index < 0 || index >= children.size()) {
      throw new IndexOutOfBoundsException("the Map Run of \"" + stateName + "\" started " + children.size()
          + " child executions; there is no child " + index);
    }
    return children.get(index);
  }

  public List<ExecutionResult> succeededChildren() {
    return withStatus(ExecutionStatus.SUCCEEDED);
  }

  public List<ExecutionResult> failedChildren() {
    return withStatus(ExecutionStatus.FAILED);
  }

  public List<ExecutionResult> timedOutChildren() {
    return withStatus(ExecutionStatus.TIMED_OUT);
  }

  public List<ExecutionResult> abortedChildren() {
    return withStatus(ExecutionStatus.ABORTED);
  }

  /** Failed or timed-out children the run tolerated (0 when the run itself failed on them). */
  public int toleratedFailures() {
    return status == ExecutionStatus.SUCCEEDED ? failedChildren().size() + timedOutChildren().size() : 0;
  }

  /** {@code {"Bucket", "Key"}} of the manifest a ResultWriter wrote, if any. */
  public Optional<JsonNode> resultWriterDetails() {
    return Optional.ofNullable(resultWriterDetails);
  }

  private List<ExecutionResult> withStatus(ExecutionStatus wanted) {
    return children.stream().filter(c -> c.status() == wanted).toList();
  }

  @Override
  public String toString() {
    return "MapRunResult{" + stateName + " " + status + (error != null ? " " + error : "") + ", items=" + itemCount
        + ", children=" + children.size() + ", failedItems=" + failedItemCount + "}";
  }
}
