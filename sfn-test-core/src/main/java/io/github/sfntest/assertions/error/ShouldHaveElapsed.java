package io.github.sfntest.assertions.error;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.internal.render.ExecutionRenderer;
import io.github.sfntest.internal.render.Text;
import java.time.Duration;
import org.assertj.core.error.ErrorMessageFactory;

/** Messages of the elapsed-time assertions. */
public final class ShouldHaveElapsed {

  private ShouldHaveElapsed() {}

  /**
   * <pre>
   * Expecting execution "e1" to have taken at most 5s,
   * but it took 1m 5s:
   * Execution "e1": SUCCEEDED after 1m 5s
   * ...
   * </pre>
   *
   * @param relation {@code at most}, {@code at least} or {@code exactly}
   * @param actual the execution
   * @param expected the duration compared with
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveTaken(
      ExecutionResult actual, String relation, Duration expected) {
    return new SfnErrorMessage(
        "Expecting " + Blocks.describe(actual) + " to have taken " + relation + " " + Text.duration(expected) + ",\n"
            + "but it took " + Text.duration(actual.elapsed()) + ":\n"
            + actual.render());
  }
}
