package io.github.sfntest.assertions.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.internal.render.JsonDiff;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Messages of the JSON assertions (outputs, inputs, parameters, variables). */
public final class ShouldMatchJson {

  private ShouldMatchJson() {}

  /**
   * <pre>
   * Expecting output of execution "e1" to be equal as JSON to:
   *   {"total":42}
   * but was:
   *   {"total":41}
   * JSON differences (1):
   *   $.total: expected 42 but was 41
   * </pre>
   *
   * @param what what is compared, e.g. {@code output of execution "e1"}
   * @param strict true: equal as JSON; false: the actual value may have object fields the expected one lacks
   * @param context extra lines after the diff (may be null)
   * @param expected the expected JSON
   * @param actual the actual JSON
   * @return the failure message
   */
  public static ErrorMessageFactory shouldMatchJson(
      String what, boolean strict, JsonNode expected, JsonNode actual, String context) {
    List<JsonDiff.Difference> differences = JsonDiff.diff(expected, actual, mode(strict));
    return new SfnErrorMessage(
        "Expecting " + what + " " + relation(strict) + ":\n"
            + Blocks.json(expected) + "\n"
            + "but was:\n"
            + Blocks.json(actual) + "\n"
            + JsonDiff.render(differences)
            + (context == null ? "" : "\n" + context));
  }

  /**
   * The value to compare does not exist (no output, nothing at a JSONPath...).
   *
   * @param what what is compared, e.g. {@code output of execution "e1"}
   * @param strict true for JSON equality, false for containment
   * @param expected the expected JSON
   * @param butText what was found instead, e.g. {@code nothing matched $.x}
   * @param context extra lines after the message (may be null)
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveJson(
      String what, boolean strict, JsonNode expected, String butText, String context) {
    return new SfnErrorMessage(
        "Expecting " + what + " " + relation(strict) + ":\n"
            + Blocks.json(expected) + "\n"
            + "but " + butText
            + (context == null ? "" : "\n" + context));
  }

  /**
   * The execution has no output because it did not succeed.
   *
   * @param actual the execution that did not succeed
   * @param strict true for JSON equality, false for containment
   * @param expected the expected output
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveOutput(
      ExecutionResult actual, boolean strict, JsonNode expected) {
    return shouldHaveJson(
        "output of " + Blocks.describe(actual),
        strict,
        expected,
        "the execution " + actual.status() + " with:\n"
            + ShouldHaveStatus.errorCause(actual.error().orElse(null), actual.cause().orElse(null), true),
        Blocks.path(actual));
  }

  private static JsonDiff.Mode mode(boolean strict) {
    return strict ? JsonDiff.Mode.STRICT : JsonDiff.Mode.LENIENT;
  }

  private static String relation(boolean strict) {
    return strict
        ? "to be equal as JSON to"
        : "to contain as JSON (extra fields allowed)";
  }
}
