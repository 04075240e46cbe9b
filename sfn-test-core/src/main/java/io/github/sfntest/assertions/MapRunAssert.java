package io.github.sfntest.assertions;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.MapRunResult;
import java.util.List;

/**
 * Assertions on the Map Run of a Distributed Map state: items read, batches, child executions by
 * status, tolerated failures.
 *
 * <pre>{@code
 * assertThat(result).mapRun("ProcessRows")
 *     .succeeded()
 *     .hasItemsRead(1000)
 *     .hasBatches(10)
 *     .hasFailedChildren(2)
 *     .toleratedFailures(2);
 * }</pre>
 */
public class MapRunAssert extends AbstractSfnAssert<MapRunAssert, MapRunResult> {

  /**
   * Starts assertions on a Map Run; {@link ExecutionResultAssert#mapRun(String)} is the usual way
   * in.
   *
   * @param actual the Map Run
   */
  public MapRunAssert(MapRunResult actual) {
    super(actual, MapRunAssert.class);
  }

  /**
   * Verifies that the Map Run SUCCEEDED.
   *
   * @return this assertion, for chaining
   */
  public MapRunAssert succeeded() {
    return hasStatus(ExecutionStatus.SUCCEEDED);
  }

  /**
   * The Map Run failed with {@code error} (e.g. {@code States.ExceedToleratedFailureThreshold}).
   *
   * @param error the expected error, e.g. {@code States.ExceedToleratedFailureThreshold}
   * @return this assertion, for chaining
   */
  public MapRunAssert failedWith(String error) {
    hasStatus(ExecutionStatus.FAILED);
    if (!error.equals(actual.error().orElse(null))) {
      failWithMessage("Expected the Map Run of \"%s\" to fail with %s but it failed with %s (cause: %s)",
          actual.stateName(), error, actual.error().orElse(null), actual.cause().orElse(null));
    }
    return this;
  }

  /**
   * Verifies the Map Run's status.
   *
   * @param expected the expected status
   * @return this assertion, for chaining
   */
  public MapRunAssert hasStatus(ExecutionStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("Expected the Map Run of \"%s\" to be %s but it was %s%s", actual.stateName(), expected,
          actual.status(), actual.error().map(e -> " with " + e + ": " + actual.cause().orElse("")).orElse(""));
    }
    return this;
  }

  /**
   * Verifies how many items the Map Run processed (see {@link MapRunResult#itemCount()}).
   *
   * @param expected the expected number of items
   * @return this assertion, for chaining
   */
  public MapRunAssert hasItemsRead(int expected) {
    return count("items read", actual.itemCount(), expected);
  }

  /**
   * Verifies how many batches the ItemBatcher built.
   *
   * @param expected the expected number of batches
   * @return this assertion, for chaining
   */
  public MapRunAssert hasBatches(int expected) {
    return count("batches", actual.batchCount(), expected);
  }

  /**
   * Verifies how many child executions the Map Run started.
   *
   * @param expected the expected number of children
   * @return this assertion, for chaining
   */
  public MapRunAssert hasChildren(int expected) {
    return count("child executions", actual.children().size(), expected);
  }

  /**
   * Verifies how many child executions succeeded.
   *
   * @param expected the expected number
   * @return this assertion, for chaining
   */
  public MapRunAssert hasSucceededChildren(int expected) {
    return children("succeeded", actual.succeededChildren(), expected);
  }

  /**
   * Verifies how many child executions failed.
   *
   * @param expected the expected number
   * @return this assertion, for chaining
   */
  public MapRunAssert hasFailedChildren(int expected) {
    return children("failed", actual.failedChildren(), expected);
  }

  /**
   * Verifies how many child executions timed out.
   *
   * @param expected the expected number
   * @return this assertion, for chaining
   */
  public MapRunAssert hasTimedOutChildren(int expected) {
    return children("timed-out", actual.timedOutChildren(), expected);
  }

  /**
   * Verifies how many child executions were aborted.
   *
   * @param expected the expected number
   * @return this assertion, for chaining
   */
  public MapRunAssert hasAbortedChildren(int expected) {
    return children("aborted", actual.abortedChildren(), expected);
  }

  /**
   * The run succeeded although {@code expected} children failed or timed out.
   *
   * @param expected the expected number of tolerated failures
   * @return this assertion, for chaining
   */
  public MapRunAssert toleratedFailures(int expected) {
    succeeded();
    return count("tolerated failed children", actual.toleratedFailures(), expected);
  }

  private MapRunAssert children(String what, List<ExecutionResult> children, int expected) {
    isNotNull();
    if (children.size() != expected) {
      failWithMessage("Expected %d %s child executions in the Map Run of \"%s\" but found %d: %s", expected, what,
          actual.stateName(), children.size(),
          children.stream().map(c -> c.executionArn() + (c.error().map(e -> " (" + e + ")").orElse(""))).toList());
    }
    return this;
  }

  private MapRunAssert count(String what, int value, int expected) {
    isNotNull();
    if (value != expected) {
      failWithMessage("Expected %d %s in the Map Run of \"%s\" but found %d (%s)", expected, what, actual.stateName(),
          value, actual);
    }
    return this;
  }
}
