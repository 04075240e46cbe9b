package io.github.sfntest.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  private final int redriveCount;
  private final Instant redriveDate;
  private final Map<String, String> notRedrivableReasons;

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
      JsonNode resultWriterDetails,
      int redriveCount,
      Instant redriveDate,
      Map<String, String> notRedrivableReasons) {
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
    this.redriveCount = redriveCount;
    this.redriveDate = redriveDate;
    this.notRedrivableReasons = Map.copyOf(notRedrivableReasons);
  }

  /**
   * The Map Run's ARN, as DescribeMapRun gives it.
   *
   * @return the Map Run ARN
   */
  public String mapRunArn() {
    return mapRunArn;
  }

  /**
   * The Distributed Map state that ran it.
   *
   * @return the state name
   */
  public String stateName() {
    return stateName;
  }

  /**
   * The state's {@code Label}, if any.
   *
   * @return the label, empty when the state has none
   */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /**
   * {@code STANDARD} or {@code EXPRESS}: the child executions' type.
   *
   * @return the child execution type
   */
  public String executionType() {
    return executionType;
  }

  /**
   * SUCCEEDED, FAILED or ABORTED (RUNNING while the parent still runs).
   *
   * @return the Map Run's status
   */
  public ExecutionStatus status() {
    return status;
  }

  /**
   * Why the Map Run failed: {@code States.ExceedToleratedFailureThreshold}, {@code
   * States.ItemReaderFailed}, ...
   *
   * @return the error, empty unless the run failed
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
   * Items the Map Run processed: read by the ItemReader (after MaxItems) or taken from the input.
   *
   * @return the number of items
   */
  public int itemCount() {
    return itemCount;
  }

  /**
   * Child inputs the ItemBatcher built; 0 when the state has no ItemBatcher.
   *
   * @return the number of batches
   */
  public int batchCount() {
    return batchCount;
  }

  /**
   * The effective MaxConcurrency (AWS's default for a Distributed Map is 10,000).
   *
   * @return the maximum number of children run at once
   */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * The state's {@code ToleratedFailureCount}, if it set one.
   *
   * @return the tolerated count, or empty
   */
  public Optional<Long> toleratedFailureCount() {
    return Optional.ofNullable(toleratedFailureCount);
  }

  /**
   * The state's {@code ToleratedFailurePercentage}, if it set one.
   *
   * @return the tolerated percentage, or empty
   */
  public Optional<Double> toleratedFailurePercentage() {
    return Optional.ofNullable(toleratedFailurePercentage);
  }

  /**
   * Items in failed or timed-out children (a failed batch counts every item in it).
   *
   * @return the number of failed items
   */
  public int failedItemCount() {
    return failedItemCount;
  }

  /**
   * Every child execution started, in item (batch) order.
   *
   * @return the children in item order
   */
  public List<ExecutionResult> children() {
    return children;
  }

  /**
   * The child that processed item (or batch) {@code index}.
   *
   * @param index a zero-based item (or batch) index
   * @return that child's result
   */
  public ExecutionResult child(int index) {
    if (index < 0 || index >= children.size()) {
      throw new IndexOutOfBoundsException("the Map Run of \"" + stateName + "\" started " + children.size()
          + " child executions; there is no child " + index);
    }
    return children.get(index);
  }

  /**
   * The children that succeeded, in item order.
   *
   * @return the succeeded children
   */
  public List<ExecutionResult> succeededChildren() {
    return withStatus(ExecutionStatus.SUCCEEDED);
  }

  /**
   * The children that failed, in item order.
   *
   * @return the failed children
   */
  public List<ExecutionResult> failedChildren() {
    return withStatus(ExecutionStatus.FAILED);
  }

  /**
   * The children that timed out, in item order.
   *
   * @return the timed-out children
   */
  public List<ExecutionResult> timedOutChildren() {
    return withStatus(ExecutionStatus.TIMED_OUT);
  }

  /**
   * The children that were aborted (when the run failed or the parent stopped), in item order.
   *
   * @return the aborted children
   */
  public List<ExecutionResult> abortedChildren() {
    return withStatus(ExecutionStatus.ABORTED);
  }

  /**
   * Failed or timed-out children the run tolerated (0 when the run itself failed on them).
   *
   * @return the number of tolerated failures
   */
  public int toleratedFailures() {
    return status == ExecutionStatus.SUCCEEDED ? failedChildren().size() + timedOutChildren().size() : 0;
  }

  /**
   * {@code {"Bucket", "Key"}} of the manifest a ResultWriter wrote, if any.
   *
   * @return the manifest location, empty without a ResultWriter
   */
  public Optional<JsonNode> resultWriterDetails() {
    return Optional.ofNullable(resultWriterDetails);
  }

  /**
   * How often a redrive of the parent execution redrove this Map Run (DescribeMapRun's {@code
   * redriveCount}); each redrive records {@code MapRunRedriven} in the parent's history.
   *
   * @return the redrive count, 0 until redriven
   */
  public int redriveCount() {
    return redriveCount;
  }

  /**
   * When the Map Run was last redriven (DescribeMapRun's {@code redriveDate}).
   *
   * @return the last redrive's time, empty until redriven
   */
  public Optional<Instant> redriveDate() {
    return Optional.ofNullable(redriveDate);
  }

  /**
   * Why a redrive of the parent would not run {@code child} again (DescribeExecution's {@code
   * redriveStatusReason} of the child): it succeeded or still runs, its own redrive is refused (its
   * history or the 14 days after its stop are spent), or this Map Run succeeded. Empty when a
   * redrive of the parent would redrive it: its {@code redriveStatus} is {@code
   * REDRIVABLE_BY_MAP_RUN}.
   *
   * @param child one of {@link #children()}
   * @return the reason, or empty when the Map Run can redrive the child
   */
  public Optional<String> notRedrivableReason(ExecutionResult child) {
    return Optional.ofNullable(notRedrivableReasons.get(child.executionArn()));
  }

  /**
   * Unsuccessful children that a redrive of the parent would not run again because their own redrive
   * is refused (DescribeMapRun's {@code failuresNotRedrivable}); only a failed or aborted Map Run has
   * any. Their last error is final.
   *
   * @return those children, in item order
   */
  public List<ExecutionResult> notRedrivableChildren() {
    if (status != ExecutionStatus.FAILED && status != ExecutionStatus.ABORTED) {
      return List.of();
    }
    return children.stream().filter(c -> c.status() != ExecutionStatus.SUCCEEDED
        && c.status() != ExecutionStatus.RUNNING && notRedrivableReasons.containsKey(c.executionArn())).toList();
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
