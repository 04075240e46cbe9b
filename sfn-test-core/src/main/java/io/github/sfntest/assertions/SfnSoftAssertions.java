package io.github.sfntest.assertions;

import io.github.sfntest.engine.ExecutionResult;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions over executions: every failure is collected, including those of nested {@code
 * state(...)} and {@code events()} assertions, and reported together by {@link #assertAll()}.
 * Works with AssertJ's JUnit 5 {@code SoftAssertionsExtension} ({@code @InjectSoftAssertions}).
 *
 * <pre>{@code
 * SfnSoftAssertions softly = new SfnSoftAssertions();
 * softly.assertThat(result).succeeded();
 * softly.assertThat(result).state("Charge").wasRetried(2);
 * softly.assertAll();
 * }</pre>
 */
public class SfnSoftAssertions extends AbstractSoftAssertions {

  /**
   * Soft assertions on a finished execution.
   *
   * @param actual the finished execution
   * @return soft assertions on it: failures are collected, not thrown
   */
  public ExecutionResultAssert assertThat(ExecutionResult actual) {
    ExecutionResultAssert softAssert = proxy(ExecutionResultAssert.class, ExecutionResult.class, actual);
    softAssert.soft = this;
    return softAssert;
  }
}
