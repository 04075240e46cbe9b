package io.github.sfntest.assertions;

import io.github.sfntest.engine.ExecutionResult;

/**
 * Entry point of the sfn-test assertions.
 *
 * <pre>{@code
 * import static io.github.sfntest.assertions.SfnAssertions.assertThat;
 *
 * assertThat(result).succeeded().visitedInOrder("Validate", "Charge");
 * }</pre>
 *
 * {@link ExecutionResult} is also an {@link org.assertj.core.api.AssertProvider}, so AssertJ's own
 * {@code Assertions.assertThat(result)} returns the same {@link ExecutionResultAssert}.
 */
public final class SfnAssertions {

  private SfnAssertions() {}

  /**
   * Assertions on a finished execution.
   *
   * @param actual the finished execution
   * @return assertions on its status, output, path and history
   */
  public static ExecutionResultAssert assertThat(ExecutionResult actual) {
    return new ExecutionResultAssert(actual);
  }

  /**
   * Assertions on a single-state test ({@link io.github.sfntest.testing.StateTester}).
   *
   * @param actual the single-state test's result
   * @return assertions on its status, output, next state and inspection data
   */
  public static TestStateResultAssert assertThat(io.github.sfntest.teststate.TestStateResult actual) {
    return new TestStateResultAssert(actual);
  }
}
