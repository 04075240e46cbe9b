package io.github.sfntest.assertions.error;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.StateVisit;
import io.github.sfntest.internal.render.ExecutionRenderer;
import io.github.sfntest.internal.render.Text;
import org.assertj.core.error.ErrorMessageFactory;

/** Messages of the per-state assertions. */
public final class ShouldHaveState {

  private ShouldHaveState() {}

  /**
   * <pre>
   * Expecting state "Chrage" to have been entered in execution "e1",
   * but it was never entered.
   * Did you mean "Charge"? Known states: ["Validate", "Charge", "Done"]
   * Visited states:
   *   Validate -> Charge -> Done
   * </pre>
   *
   * @param actual the execution
   * @param state the state that was never entered
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveBeenEntered(ExecutionResult actual, String state) {
    return new SfnErrorMessage(
        "Expecting state " + Text.quote(state) + " to have been entered in " + Blocks.describe(actual) + ",\n"
            + "but it was never entered.\n"
            + Text.didYouMean(state, actual.history().stateNames()) + "\n"
            + Blocks.path(actual));
  }

  /**
   * The state does not have the requested entry.
   *
   * @param actual the execution
   * @param state the state's name
   * @param entry the requested entry, 1-based
   * @param entries how many entries the state has
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveEntry(
      ExecutionResult actual, String state, int entry, int entries) {
    return new SfnErrorMessage(
        "Expecting state " + Text.quote(state) + " to have been entered at least " + ShouldHaveVisited.times(entry)
            + " in " + Blocks.describe(actual) + ",\n"
            + "but it was entered " + ShouldHaveVisited.times(entries) + ".\n"
            + Blocks.path(actual));
  }

  /**
   * The general per-state layout:
   *
   * <pre>
   * Expecting state "Charge" of execution "e1" to have been retried 3 times,
   * but it was retried 1 time (2 attempts).
   * History of state "Charge":
   *   #2 TaskStateEntered [Charge] input: {}
   *   ...
   * Visited states:
   *   Validate -> Charge (succeeded after 2 attempts) -> Done
   * </pre>
   *
   * @param stateLabel e.g. {@code state "Charge"} or {@code state "Charge" (entry 2 of 3)}
   * @param expectation e.g. {@code to have been retried 3 times}
   * @param actualText e.g. {@code it was retried 1 time (2 attempts)}
   * @param visit the visit whose events to show (may be null)
   * @param actual the execution
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHave(
      ExecutionResult actual, String stateLabel, String expectation, String actualText, StateVisit visit) {
    return new SfnErrorMessage(
        "Expecting " + stateLabel + " of " + Blocks.describe(actual) + " " + expectation + ",\n"
            + "but " + actualText + "\n"
            + slice(actual, visit)
            + Blocks.path(actual));
  }

  /**
   * {@code History of state "X":} and its events, or nothing.
   *
   * @param actual the execution
   * @param visit the entry whose events to show, or null
   * @return the lines, or an empty string
   */
  public static String slice(ExecutionResult actual, StateVisit visit) {
    if (visit == null) {
      return "";
    }
    return "History of state " + Text.quote(visit.name()) + ":\n"
        + ExecutionRenderer.events(actual.history(), visit.events()) + "\n";
  }
}
