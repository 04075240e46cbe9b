package io.github.sfntest.assertions.error;

import io.github.sfntest.internal.text.NearMiss;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.internal.render.Text;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Messages of the path assertions. */
public final class ShouldHaveVisited {

  private ShouldHaveVisited() {}

  /**
   * <pre>
   * Expecting execution "e1" to have visited:
   *   ["Validate", "Chrage"]
   * but these states were never entered:
   *   "Chrage" (did you mean "Charge"?)
   * Visited states:
   *   Validate -> Charge -> Done
   * </pre>
   *
   * @param actual the execution
   * @param expected the states expected to be visited
   * @param missing those of them never entered
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveVisited(
      ExecutionResult actual, List<String> expected, List<String> missing) {
    List<String> known = actual.history().stateNames();
    StringBuilder lines = new StringBuilder();
    for (String name : missing) {
      lines.append("\n  ").append(Text.quote(name));
      NearMiss.best(name, known)
          .ifPresent(c -> lines.append(" (did you mean ").append(Text.quote(c)).append("?)"));
    }
    return new SfnErrorMessage(
        "Expecting " + Blocks.describe(actual) + " to have visited:\n  "
            + Text.quoteAll(expected) + "\n"
            + "but " + (missing.size() == 1 ? "this state was" : "these states were")
            + " never entered:" + lines + "\n"
            + Blocks.path(actual));
  }

  /**
   * <pre>
   * Expecting execution "e1" to have visited in order:
   *   ["Validate", "Done", "Charge"]
   * but "Charge" was not entered after "Done".
   * Visited states:
   *   Validate -> Charge -> Done
   * </pre>
   *
   * @param actual the execution
   * @param expected the states expected in order
   * @param firstUnmatched index in {@code expected} of the first state not found in order
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveVisitedInOrder(
      ExecutionResult actual, List<String> expected, int firstUnmatched) {
    String missing = expected.get(firstUnmatched);
    String reason;
    if (!actual.visitedStates().contains(missing)) {
      reason = Text.quote(missing) + " was never entered";
      List<String> known = actual.history().stateNames();
      reason += NearMiss.best(missing, known).map(c -> " (did you mean " + Text.quote(c) + "?)").orElse("");
    } else if (firstUnmatched == 0) {
      reason = Text.quote(missing) + " was not entered";
    } else {
      reason =
          Text.quote(missing) + " was not entered after " + Text.quote(expected.get(firstUnmatched - 1));
    }
    return new SfnErrorMessage(
        "Expecting " + Blocks.describe(actual) + " to have visited in order:\n  "
            + Text.quoteAll(expected) + "\n"
            + "but " + reason + ".\n"
            + Blocks.path(actual));
  }

  /**
   * Exact path.
   *
   * @param actual the execution
   * @param expected the expected path
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHavePath(ExecutionResult actual, List<String> expected) {
    return new SfnErrorMessage(
        "Expecting " + Blocks.describe(actual) + " to have taken exactly the path:\n  "
            + Text.quoteAll(expected) + "\n"
            + "but it was:\n  "
            + Text.quoteAll(actual.visitedStates()) + "\n"
            + Blocks.path(actual));
  }

  /**
   * <pre>
   * Expecting execution "e1" not to have visited:
   *   ["HandleError"]
   * but it entered:
   *   "HandleError" (1 time)
   * Visited states:
   *   Validate -> Charge (failed: Boom) -> HandleError
   * </pre>
   *
   * @param actual the execution
   * @param unexpected the states that should not have been entered
   * @return the failure message
   */
  public static ErrorMessageFactory shouldNotHaveVisited(
      ExecutionResult actual, List<String> unexpected) {
    StringBuilder lines = new StringBuilder();
    List<String> visited = actual.visitedStates();
    List<String> entered = new ArrayList<>();
    for (String name : unexpected) {
      int count = 0;
      for (String v : visited) {
        if (v.equals(name)) {
          count++;
        }
      }
      if (count > 0) {
        entered.add(name);
        lines.append("\n  ").append(Text.quote(name)).append(" (").append(times(count)).append(')');
      }
    }
    return new SfnErrorMessage(
        "Expecting " + Blocks.describe(actual) + " not to have visited:\n  "
            + Text.quoteAll(unexpected) + "\n"
            + "but it entered:" + lines + "\n"
            + Blocks.path(actual));
  }

  /**
   * The last state at the top level differs.
   *
   * @param actual the execution
   * @param expected the expected last state
   * @param actualLast the state it ended in
   * @return the failure message
   */
  public static ErrorMessageFactory shouldHaveEndedIn(
      ExecutionResult actual, String expected, String actualLast) {
    return new SfnErrorMessage(
        "Expecting " + Blocks.describe(actual) + " to have ended in state " + Text.quote(expected) + ",\n"
            + "but it ended in " + (actualLast == null ? "no state" : Text.quote(actualLast)) + ".\n"
            + Blocks.path(actual));
  }

  static String times(int count) {
    return count + (count == 1 ? " time" : " times");
  }
}
