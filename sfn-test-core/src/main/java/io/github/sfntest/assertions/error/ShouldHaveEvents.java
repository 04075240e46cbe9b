package io.github.sfntest.assertions.error;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.render.ExecutionRenderer;
import java.util.List;
import java.util.StringJoiner;
import org.assertj.core.error.ErrorMessageFactory;

/** Messages of the event assertions. */
public final class ShouldHaveEvents {

  private ShouldHaveEvents() {}

  /**
   * <pre>
   * Expecting 3 TaskFailed events in execution "e1",
   * but found 2:
   *   #5 TaskFailed [Charge] resource: "lambda:invoke", error: "Boom"
   *   #8 TaskFailed [Charge] resource: "lambda:invoke", error: "Boom"
   * </pre>
   *
   * @param actual the execution
   * @param selection how the events were chosen, e.g. {@code TaskFailed events}
   * @param expected the expected number of events
   * @param events the events found
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveSize(
      ExecutionResult actual, String selection, int expected, List<HistoryEvent> events) {
    return new SfnErrorMessage(
        "Expecting " + expected + " " + selection + " in " + Blocks.describe(actual) + ",\n"
            + "but found " + events.size() + (events.isEmpty() ? "." : ":\n" + ExecutionRenderer.events(actual.history(), events)));
  }

  /**
   * Expected at least one event.
   *
   * @param actual the execution
   * @param selection how the events were chosen
   * @return the failure message
   */
  public static ErrorMessageFactory shouldNotBeEmpty(ExecutionResult actual, String selection) {
    return new SfnErrorMessage(
        "Expecting some " + selection + " in " + Blocks.describe(actual) + ",\n"
            + "but found none.\n"
            + Blocks.path(actual));
  }

  /**
   * <pre>
   * Expecting the TaskFailed events of execution "e1" ... to contain the subsequence of types:
   *   [TaskScheduled, TaskSucceeded]
   * but TaskSucceeded was not found after event #3 (TaskScheduled). Events:
   *   ...
   * </pre>
   *
   * @param actual the execution
   * @param selection how the events were chosen
   * @param expected the expected types, in order
   * @param firstUnmatched index in {@code expected} of the first type not found
   * @param lastMatched the last event that matched, or null
   * @param events the events searched
   * @return the failure message
   */
  public static ErrorMessageFactory shouldContainSubsequence(
      ExecutionResult actual,
      String selection,
      List<HistoryEventType> expected,
      int firstUnmatched,
      HistoryEvent lastMatched,
      List<HistoryEvent> events) {
    String where =
        lastMatched == null
            ? "was not found"
            : "was not found after event #" + lastMatched.id() + " (" + lastMatched.type() + ")";
    return new SfnErrorMessage(
        "Expecting the " + selection + " of " + Blocks.describe(actual) + " to contain the types in order:\n  "
            + types(expected) + "\n"
            + "but " + expected.get(firstUnmatched) + " " + where + ". Events:\n"
            + ExecutionRenderer.events(actual.history(), events));
  }

  /**
   * Exact sequence of types.
   *
   * @param actual the execution
   * @param selection how the events were chosen
   * @param expected the expected types, in order
   * @param events the events found
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveTypes(
      ExecutionResult actual, String selection, List<HistoryEventType> expected, List<HistoryEvent> events) {
    return new SfnErrorMessage(
        "Expecting the " + selection + " of " + Blocks.describe(actual) + " to have exactly the types:\n  "
            + types(expected) + "\n"
            + "but they were:\n"
            + ExecutionRenderer.events(actual.history(), events));
  }

  static String types(List<HistoryEventType> types) {
    StringJoiner joiner = new StringJoiner(", ", "[", "]");
    types.forEach(t -> joiner.add(t.awsName()));
    return joiner.toString();
  }
}
