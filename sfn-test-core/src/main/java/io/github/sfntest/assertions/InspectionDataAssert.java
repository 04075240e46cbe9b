package io.github.sfntest.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.assertions.error.SfnErrorMessage;
import io.github.sfntest.assertions.error.ShouldMatchJson;
import io.github.sfntest.internal.render.JsonDiff;
import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.teststate.InspectionData;

/**
 * Assertions on a tested state's data after each processing step, named as AWS's
 * {@code inspectionData}.
 *
 * <pre>{@code
 * assertThat(result).inspection()
 *     .hasAfterInputPath("{\"order\": {\"id\": 7}}")
 *     .hasAfterParameters("{\"OrderId\": 7}")
 *     .has("afterResultSelector", "{\"charged\": true}");
 * }</pre>
 */
public class InspectionDataAssert extends AbstractSfnAssert<InspectionDataAssert, InspectionData> {

  /**
   * @param actual the inspection data
   */
  public InspectionDataAssert(InspectionData actual) {
    super(actual, InspectionDataAssert.class);
  }

  /**
   * The member {@code name} (as AWS names it) equals {@code expectedJson}.
   *
   * @param name e.g. {@code afterParameters}
   * @param expectedJson JSON text
   * @return this assertion
   */
  public InspectionDataAssert has(String name, String expectedJson) {
    isNotNull();
    JsonNode expected = json(expectedJson);
    JsonNode value = actual.get(name).orElse(null);
    if (value == null) {
      java.util.List<String> names = new java.util.ArrayList<>();
      actual.asJson().fieldNames().forEachRemaining(names::add);
      throw failure(ShouldMatchJson.shouldHaveJson("inspection data \"" + name + "\"", true, expected,
          "the inspection data has no \"" + name + "\"" + NearMiss.hint(name, names) + "; it has "
              + NearMiss.quotedList(names) + (names.isEmpty() ? " (inspection level INFO?)" : ""), null));
    }
    if (!JsonDiff.matches(expected, value, JsonDiff.Mode.STRICT)) {
      throw failure(ShouldMatchJson.shouldMatchJson("inspection data \"" + name + "\"", true,
          expected, value, null), pretty(value), pretty(expected));
    }
    return myself;
  }

  /**
   * {@code afterInputPath} equals {@code expectedJson}.
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public InspectionDataAssert hasAfterInputPath(String expectedJson) {
    return has("afterInputPath", expectedJson);
  }

  /**
   * {@code afterParameters} equals {@code expectedJson}.
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public InspectionDataAssert hasAfterParameters(String expectedJson) {
    return has("afterParameters", expectedJson);
  }

  /**
   * {@code afterArguments} equals {@code expectedJson}.
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public InspectionDataAssert hasAfterArguments(String expectedJson) {
    return has("afterArguments", expectedJson);
  }

  /**
   * {@code result} equals {@code expectedJson}.
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public InspectionDataAssert hasResult(String expectedJson) {
    return has("result", expectedJson);
  }

  /**
   * {@code afterResultSelector} equals {@code expectedJson}.
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public InspectionDataAssert hasAfterResultSelector(String expectedJson) {
    return has("afterResultSelector", expectedJson);
  }

  /**
   * {@code afterResultPath} equals {@code expectedJson}.
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public InspectionDataAssert hasAfterResultPath(String expectedJson) {
    return has("afterResultPath", expectedJson);
  }

  /**
   * A retrier would retry: {@code errorDetails.retryIndex} and the backoff it would wait.
   *
   * @param retrierIndex the retrier's index in Retry
   * @param backoffSeconds the interval before the retry
   * @return this assertion
   */
  public InspectionDataAssert wouldRetryWith(int retrierIndex, long backoffSeconds) {
    isNotNull();
    JsonNode details = actual.errorDetails().orElse(null);
    if (details == null || details.path("retryIndex").asInt(-1) != retrierIndex
        || details.path("retryBackoffIntervalSeconds").asLong(-1) != backoffSeconds) {
      throw failure(new SfnErrorMessage("Expecting retrier " + retrierIndex + " to retry after " + backoffSeconds
          + " s\nbut the error details were: " + (details == null ? "(none)" : details.toString())));
    }
    return myself;
  }

  /**
   * A catcher took the error: {@code errorDetails.catchIndex}.
   *
   * @param catcherIndex the catcher's index in Catch
   * @return this assertion
   */
  public InspectionDataAssert caughtBy(int catcherIndex) {
    isNotNull();
    JsonNode details = actual.errorDetails().orElse(null);
    if (details == null || details.path("catchIndex").asInt(-1) != catcherIndex) {
      throw failure(new SfnErrorMessage("Expecting catcher " + catcherIndex + " to take the error\nbut the error "
          + "details were: " + (details == null ? "(none)" : details.toString())));
    }
    return myself;
  }
}
