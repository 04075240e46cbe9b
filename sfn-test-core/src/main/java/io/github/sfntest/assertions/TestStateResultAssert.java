package io.github.sfntest.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.assertions.error.SfnErrorMessage;
import io.github.sfntest.assertions.error.ShouldMatchJson;
import io.github.sfntest.internal.render.JsonDiff;
import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.teststate.TestStateResult;
import io.github.sfntest.teststate.TestStateStatus;
import java.util.List;

/**
 * Assertions on a single-state test ({@link io.github.sfntest.testing.StateTester}).
 *
 * <pre>{@code
 * assertThat(stateResult)
 *     .succeeded()
 *     .goesTo("ShipExpress")
 *     .hasOutput("{\"tier\": \"gold\"}")
 *     .inspection().hasAfterParameters("{\"customerId\": 7}");
 * }</pre>
 */
public class TestStateResultAssert extends AbstractSfnAssert<TestStateResultAssert, TestStateResult> {

  /**
   * @param actual the result under test
   */
  public TestStateResultAssert(TestStateResult actual) {
    super(actual, TestStateResultAssert.class);
  }

  /**
   * The state succeeded.
   *
   * @return this assertion, for chaining
   */
  public TestStateResultAssert succeeded() {
    return hasStatus(TestStateStatus.SUCCEEDED);
  }

  /**
   * The state failed with no retrier or catcher for the error.
   *
   * @return this assertion, for chaining
   */
  public TestStateResultAssert failed() {
    return hasStatus(TestStateStatus.FAILED);
  }

  /**
   * A retrier would retry the state (see {@code inspection().errorDetails()}).
   *
   * @return this assertion, for chaining
   */
  public TestStateResultAssert isRetriable() {
    return hasStatus(TestStateStatus.RETRIABLE);
  }

  /**
   * A catcher took the error.
   *
   * @return this assertion, for chaining
   */
  public TestStateResultAssert caughtError() {
    return hasStatus(TestStateStatus.CAUGHT_ERROR);
  }

  /**
   * The state ended with {@code expected}.
   *
   * @param expected the status
   * @return this assertion
   */
  public TestStateResultAssert hasStatus(TestStateStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      throw failure(new SfnErrorMessage("Expecting the tested state to end " + expected + " but it ended "
          + actual.status() + errorLine()), actual.status(), expected);
    }
    return myself;
  }

  /**
   * The state's error (failed, retriable or caught) is {@code expected}.
   *
   * @param expected the error name
   * @return this assertion
   */
  public TestStateResultAssert hasError(String expected) {
    isNotNull();
    String error = actual.error().orElse(null);
    if (!expected.equals(error)) {
      throw failure(new SfnErrorMessage("Expecting the tested state's error to be \"" + expected + "\" but "
          + (error == null ? "it has none (status " + actual.status() + ")" : "it was \"" + error + "\""
              + NearMiss.hint(expected, List.of(error)))), error, expected);
    }
    return myself;
  }

  /**
   * The state goes to {@code expected} next.
   *
   * <pre>{@code
   * assertThat(result).goesTo("ShipExpress");   // fails: it goes to "ShipStandard"
   * }</pre>
   *
   * @param expected the next state's name
   * @return this assertion
   */
  public TestStateResultAssert goesTo(String expected) {
    isNotNull();
    String next = actual.nextState().orElse(null);
    if (!expected.equals(next)) {
      String but = next == null
          ? "it has no next state (status " + actual.status() + errorLine() + ")"
          : "it goes to \"" + next + "\"" + (NearMiss.best(expected, List.of(next)).isPresent()
              ? " (a near miss: check the spelling)" : "");
      throw failure(new SfnErrorMessage("Expecting the tested state to go to \"" + expected + "\"\nbut " + but),
          next, expected);
    }
    return myself;
  }

  /**
   * The state ends its branch or execution (no next state) and did not fail.
   *
   * @return this assertion, for chaining
   */
  public TestStateResultAssert ends() {
    isNotNull();
    if (actual.nextState().isPresent() || actual.status() != TestStateStatus.SUCCEEDED) {
      throw failure(new SfnErrorMessage("Expecting the tested state to end successfully with no next state\nbut "
          + "it ended " + actual.status() + actual.nextState().map(n -> " going to \"" + n + "\"").orElse("")
          + errorLine()));
    }
    return myself;
  }

  /**
   * The state's output equals {@code expectedJson} as JSON.
   *
   * @param expectedJson JSON text
   * @return this assertion
   */
  public TestStateResultAssert hasOutput(String expectedJson) {
    return output(json(expectedJson), JsonDiff.Mode.STRICT);
  }

  /**
   * The state's output contains {@code expectedJson} (extra fields allowed).
   *
   * @param expectedJson JSON text
   * @return this assertion
   */
  public TestStateResultAssert hasOutputContaining(String expectedJson) {
    return output(json(expectedJson), JsonDiff.Mode.LENIENT);
  }

  private TestStateResultAssert output(JsonNode expected, JsonDiff.Mode mode) {
    isNotNull();
    JsonNode output = actual.output().orElse(null);
    if (output == null) {
      throw failure(ShouldMatchJson.shouldHaveJson("the tested state's output", mode == JsonDiff.Mode.STRICT, expected,
          "the state has no output: it ended " + actual.status() + errorLine(), null));
    }
    if (!JsonDiff.matches(expected, output, mode)) {
      throw failure(ShouldMatchJson.shouldMatchJson("the tested state's output", mode == JsonDiff.Mode.STRICT, expected, output, null),
          pretty(output), pretty(expected));
    }
    return myself;
  }

  /**
   * Assertions on the inspection data (request {@code DEBUG} or {@code TRACE}).
   *
   * @return assertions on the inspection data
   */
  public InspectionDataAssert inspection() {
    isNotNull();
    return navigate(InspectionDataAssert.class, io.github.sfntest.teststate.InspectionData.class,
        actual.inspection(), InspectionDataAssert::new);
  }

  private String errorLine() {
    return actual.error().map(e -> " with error \"" + e + "\"" + actual.cause().map(c -> ": " + c).orElse(""))
        .orElse("");
  }
}
