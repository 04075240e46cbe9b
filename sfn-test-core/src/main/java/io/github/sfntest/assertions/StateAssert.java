package io.github.sfntest.assertions;

import io.github.sfntest.internal.text.NearMiss;
import static io.github.sfntest.assertions.error.ShouldHaveState.shouldHave;
import static io.github.sfntest.assertions.error.ShouldHaveState.shouldHaveBeenEntered;
import static io.github.sfntest.assertions.error.ShouldHaveState.shouldHaveEntry;
import static io.github.sfntest.assertions.error.ShouldHaveState.slice;
import static io.github.sfntest.assertions.error.ShouldMatchJson.shouldHaveJson;
import static io.github.sfntest.assertions.error.ShouldMatchJson.shouldMatchJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.MapIteration;
import io.github.sfntest.history.StateVisit;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.render.ExecutionRenderer;
import io.github.sfntest.internal.render.JsonDiff;
import io.github.sfntest.internal.render.Text;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assertions on one state of an execution. Unless {@link #entry(int)} picks another, the
 * assertions about a single entry (input, output, retries, failure...) look at the state's last
 * entry. Every assertion first checks that the state was entered, suggesting near misses if not.
 */
public class StateAssert extends AbstractSfnAssert<StateAssert, StateSubject> {

  /**
   * Starts assertions on one state of an execution; {@link ExecutionResultAssert#state(String)} is
   * the usual way in.
   *
   * @param actual the state and the execution it ran in
   */
  public StateAssert(StateSubject actual) {
    super(actual, StateAssert.class);
  }

  /**
   * Back to the assertions on the whole execution, to go on with another state or the result.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").wasRetried(2).and().state("Ship").didNotFail().and().succeeded();
   * }</pre>
   *
   * @return the assertions on the execution
   */
  public ExecutionResultAssert and() {
    return navigate(ExecutionResultAssert.class, ExecutionResult.class, result(), ExecutionResultAssert::new);
  }

  private ExecutionResult result() {
    return actual.result();
  }

  @Override
  protected io.github.sfntest.history.ExecutionHistory historyRead() {
    return result().history();
  }

  private String execution() {
    return ExecutionRenderer.describe(result().executionArn(), result().stateMachineName());
  }

  private String stateWord() {
    return "state " + Text.quote(actual.name());
  }

  private String paths() {
    return "Visited states:\n  " + ExecutionRenderer.path(result().history());
  }

  /** The selected entry; fails if the state was never entered (or not that often). */
  private StateVisit visit() {
    isNotNull();
    List<StateVisit> visits = actual.visits();
    if (visits.isEmpty()) {
      throw failure(shouldHaveBeenEntered(result(), actual.name()));
    }
    StateVisit visit = actual.visit();
    if (visit == null) {
      throw failure(shouldHaveEntry(result(), actual.name(), actual.entry(), visits.size()));
    }
    return visit;
  }

  private AssertionError fail(String expectation, String actualText, StateVisit visit) {
    return failure(shouldHave(result(), actual.label(), expectation, actualText, visit));
  }

  /**
   * Narrows the following assertions to the {@code n}-th entry (1-based) into this state.
   *
   * <pre>{@code
   * assertThat(result).state("Poll").entry(2).hasOutputContaining("{\"ready\": true}");
   * assertThat(result).state("Poll").entry(9);   // fails if entered fewer than 9 times (on the next assertion)
   * }</pre>
   *
   * @param n a one-based entry number
   * @return this assertion, narrowed to that entry
   */
  public StateAssert entry(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("entries are numbered from 1, got " + n);
    }
    return navigate(
        StateAssert.class, StateSubject.class, new StateSubject(result(), actual.name(), n), StateAssert::new);
  }

  /**
   * Verifies that the state was entered at least once (the selected entry exists).
   *
   * <pre>{@code
   * assertThat(result).state("Charge").wasEntered();   // passes
   * assertThat(result).state("Chrage").wasEntered();   // fails: Did you mean "Charge"? Known states: [...]
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public StateAssert wasEntered() {
    visit();
    return myself;
  }

  /**
   * Verifies how often the state was entered (Map iterations and loops count each entry).
   *
   * <pre>{@code
   * assertThat(result).state("HandleItem").wasEnteredTimes(8);   // passes for 8 Map items
   * assertThat(result).state("HandleItem").wasEnteredTimes(2);   // fails: it was entered 8 times
   * }</pre>
   *
   * @param times the expected number
   * @return this assertion, for chaining
   */
  public StateAssert wasEnteredTimes(int times) {
    isNotNull();
    int count = actual.visits().size();
    if (count == 0 && times > 0) {
      throw failure(shouldHaveBeenEntered(result(), actual.name()));
    }
    if (count != times) {
      throw failure(
          new io.github.sfntest.assertions.error.SfnErrorMessage(
              "Expecting " + stateWord() + " of " + execution() + " to have been entered " + times(times) + ",\n"
                  + "but it was entered " + times(count) + ".\n"
                  + paths()),
          count,
          times);
    }
    return myself;
  }

  // ---------------------------------------------------------------- input / output

  /**
   * Verifies the state's effective input (as recorded in its {@code *StateEntered} event), strict.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").hasInput("{\"amount\": 42}");   // passes
   * assertThat(result).state("Charge").hasInput("{\"amount\": 41}");   // fails: $.amount: expected 41 but was 42
   * }</pre>
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public StateAssert hasInput(String expectedJson) {
    return compare("input", JsonDiff.Mode.STRICT, json(expectedJson), visit().input(), visit());
  }

  /**
   * Verifies the state's input contains {@code expectedJson} (extra fields allowed).
   *
   * <pre>{@code
   * assertThat(result).state("Charge").hasInputContaining("{\"amount\": 42}");   // passes
   * }</pre>
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public StateAssert hasInputContaining(String expectedJson) {
    return compare("input", JsonDiff.Mode.LENIENT, json(expectedJson), visit().input(), visit());
  }

  /**
   * Verifies the state's output (its {@code *StateExited} event), strict.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").hasOutput("{\"paid\": true}");    // passes
   * assertThat(result).state("Charge").hasOutput("{\"paid\": false}");   // fails with a JSON diff
   * }</pre>
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public StateAssert hasOutput(String expectedJson) {
    StateVisit visit = visit();
    return compareOutput(JsonDiff.Mode.STRICT, json(expectedJson), visit);
  }

  /**
   * Verifies the state's output contains {@code expectedJson} (extra fields allowed).
   *
   * <pre>{@code
   * assertThat(result).state("Charge").hasOutputContaining("{\"paid\": true}");   // passes
   * }</pre>
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public StateAssert hasOutputContaining(String expectedJson) {
    StateVisit visit = visit();
    return compareOutput(JsonDiff.Mode.LENIENT, json(expectedJson), visit);
  }

  private StateAssert compareOutput(JsonDiff.Mode mode, JsonNode expected, StateVisit visit) {
    if (visit.output().isEmpty()) {
      String why = visit.failed() ? "it failed" + visit.error().map(e -> " with " + Text.quote(e)).orElse("") : "it did not exit";
      throw failure(
          shouldHaveJson(
              "output of " + actual.label() + " of " + execution(), mode == JsonDiff.Mode.STRICT, expected,
              "there is none: " + why + ".", slice(result(), visit) + paths()));
    }
    return compare("output", mode, expected, visit.output().get(), visit);
  }

  private StateAssert compare(String what, JsonDiff.Mode mode, JsonNode expected, JsonNode value, StateVisit visit) {
    if (value == null || !JsonDiff.matches(expected, value, mode)) {
      if (value == null) {
        throw failure(
            shouldHaveJson(what + " of " + actual.label() + " of " + execution(), mode == JsonDiff.Mode.STRICT, expected,
                "there is none.", slice(result(), visit) + paths()));
      }
      throw failure(
          shouldMatchJson(what + " of " + actual.label() + " of " + execution(), mode == JsonDiff.Mode.STRICT, expected, value, paths()),
          pretty(value),
          pretty(expected));
    }
    return myself;
  }

  // ---------------------------------------------------------------- retries and failures

  /**
   * Verifies how often the state was retried (attempts - 1) in the selected entry.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").wasRetried(2);   // passes for 3 attempts
   * assertThat(result).state("Charge").wasRetried(0);   // fails: it was retried 2 times (3 attempts)
   * }</pre>
   *
   * @param times the expected number
   * @return this assertion, for chaining
   */
  public StateAssert wasRetried(int times) {
    StateVisit visit = visit();
    if (visit.retries() != times) {
      throw failure(
          shouldHave(result(), actual.label(), "to have been retried " + times(times),
              "it was retried " + times(visit.retries()) + " (" + attempts(visit.attempts()) + ")"
                  + errorsOf(visit) + ".",
              visit),
          visit.retries(), times);
    }
    return myself;
  }

  /**
   * Verifies the state ran only once in the selected entry.
   *
   * <pre>{@code
   * assertThat(result).state("Validate").wasNotRetried();   // passes
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public StateAssert wasNotRetried() {
    return wasRetried(0);
  }

  /**
   * Verifies that the selected entry failed (its last attempt) with {@code error}, caught or not.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").failedWith("States.Timeout");   // passes
   * assertThat(result).state("Charge").failedWith("Boom");             // fails: it failed with "States.Timeout"
   * }</pre>
   *
   * @param error the error name, e.g. {@code States.TaskFailed}
   * @return this assertion, for chaining
   */
  public StateAssert failedWith(String error) {
    return checkFailure(error, null, false);
  }

  /**
   * Verifies that the selected entry failed with {@code error} and {@code cause}.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").failedWith("Declined", "Card expired");   // passes
   * }</pre>
   *
   * @param error the error name, e.g. {@code States.TaskFailed}
   * @param cause the cause text
   * @return this assertion, for chaining
   */
  public StateAssert failedWith(String error, String cause) {
    return checkFailure(error, cause, true);
  }

  private StateAssert checkFailure(String error, String cause, boolean withCause) {
    StateVisit visit = visit();
    String expectation =
        "to have failed with error " + Text.quote(error) + (withCause ? " and cause " + Text.quote(cause) : "");
    if (!visit.failed()) {
      throw fail(expectation, "it did not fail" + outcome(visit) + ".", visit);
    }
    String actualError = visit.error().orElse(null);
    String actualCause = visit.cause().orElse(null);
    if (!Objects.equals(actualError, error) || (withCause && !Objects.equals(actualCause, cause))) {
      throw failure(
          shouldHave(result(), actual.label(), expectation,
              "it failed with error " + Text.quote(actualError) + " and cause " + Text.quote(actualCause) + ".",
              visit),
          actualError + (withCause ? "\n" + actualCause : ""),
          error + (withCause ? "\n" + cause : ""));
    }
    return myself;
  }

  /**
   * Verifies the selected entry did not fail (its last attempt succeeded).
   *
   * <pre>{@code
   * assertThat(result).state("Charge").didNotFail();   // passes after a successful retry
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public StateAssert didNotFail() {
    StateVisit visit = visit();
    if (visit.failed()) {
      throw fail("not to have failed",
          "it failed with error " + Text.quote(visit.error().orElse(null)) + " and cause "
              + Text.quote(visit.cause().orElse(null)) + ".",
          visit);
    }
    return myself;
  }

  /**
   * Verifies the selected entry failed and a catcher sent the error to state {@code next}.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").wasCaughtBy("HandleError");   // passes
   * assertThat(result).state("Charge").wasCaughtBy("Refund");        // fails: it was caught by "HandleError"
   * }</pre>
   *
   * @param next the state the catcher goes to
   * @return this assertion, for chaining
   */
  public StateAssert wasCaughtBy(String next) {
    StateVisit visit = visit();
    String expectation = "to have failed and been caught by a catcher going to " + Text.quote(next);
    if (!visit.failed()) {
      throw fail(expectation, "it did not fail" + outcome(visit) + ".", visit);
    }
    Optional<String> caughtBy = visit.caughtBy();
    if (caughtBy.isEmpty()) {
      throw fail(expectation,
          "its error " + Text.quote(visit.error().orElse(null)) + " was not caught (the execution "
              + result().status() + ").",
          visit);
    }
    if (!caughtBy.get().equals(next)) {
      throw failure(
          shouldHave(result(), actual.label(), expectation,
              "its error " + Text.quote(visit.error().orElse(null)) + " was caught by a catcher going to "
                  + Text.quote(caughtBy.get()) + ".",
              visit),
          caughtBy.get(), next);
    }
    return myself;
  }

  // ---------------------------------------------------------------- task parameters, variables

  /**
   * Verifies that every attempt of the selected entry was scheduled with exactly these
   * parameters ({@code taskScheduledEventDetails.parameters}; the input for Lambda ARNs and
   * activities).
   *
   * <pre>{@code
   * assertThat(result).state("Charge").wasScheduledWith("{\"FunctionName\": \"charge\", \"Payload\": {\"amount\": 42}}");
   * }</pre>
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public StateAssert wasScheduledWith(String expectedJson) {
    return scheduled(JsonDiff.Mode.STRICT, json(expectedJson));
  }

  /**
   * Verifies that every attempt was scheduled with parameters containing {@code expectedJson}.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").wasScheduledWithContaining("{\"Payload\": {\"amount\": 42}}");   // passes
   * assertThat(result).state("Charge").wasScheduledWithContaining("{\"Payload\": {\"amount\": 1}}");    // fails with a JSON diff
   * }</pre>
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public StateAssert wasScheduledWithContaining(String expectedJson) {
    return scheduled(JsonDiff.Mode.LENIENT, json(expectedJson));
  }

  private StateAssert scheduled(JsonDiff.Mode mode, JsonNode expected) {
    StateVisit visit = visit();
    List<JsonNode> parameters = visit.scheduledParameters();
    if (parameters.isEmpty()) {
      throw failure(
          shouldHaveJson("task parameters of " + actual.label() + " of " + execution(), mode == JsonDiff.Mode.STRICT, expected,
              "it scheduled no task (it is a " + visit.stateType() + " state).",
              slice(result(), visit) + paths()));
    }
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode value = parameters.get(i);
      if (value == null || !JsonDiff.matches(expected, value, mode)) {
        String what = "task parameters of " + actual.label()
            + (parameters.size() > 1 ? " (attempt " + (i + 1) + " of " + parameters.size() + ")" : "")
            + " of " + execution();
        if (value == null) {
          throw failure(shouldHaveJson(what, mode == JsonDiff.Mode.STRICT, expected, "none were recorded.", paths()));
        }
        throw failure(shouldMatchJson(what, mode == JsonDiff.Mode.STRICT, expected, value, paths()), pretty(value), pretty(expected));
      }
    }
    return myself;
  }

  /**
   * Verifies a variable the selected entry assigned ({@code Assign}), strict JSON.
   *
   * <pre>{@code
   * assertThat(result).state("Lookup").assigned("customerId", "\"C-1\"");   // passes
   * assertThat(result).state("Lookup").assigned("customer", "\"C-1\"");     // fails: assigned ["customerId"]
   * }</pre>
   *
   * @param variable the variable name
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public StateAssert assigned(String variable, String expectedJson) {
    StateVisit visit = visit();
    JsonNode expected = json(expectedJson);
    Map<String, JsonNode> variables = visit.assignedVariables();
    String what = "variable " + Text.quote(variable) + " assigned by " + actual.label() + " of " + execution();
    JsonNode value = variables.get(variable);
    if (value == null) {
      String assigned = variables.isEmpty() ? "it assigned no variable." : "it assigned only " + Text.quoteAll(variables.keySet()) + ".";
      String hint = NearMiss.best(variable, variables.keySet()).map(c -> "\nDid you mean " + Text.quote(c) + "?").orElse("");
      throw failure(shouldHaveJson(what, true, expected, assigned + hint, paths()));
    }
    if (!JsonDiff.matches(expected, value, JsonDiff.Mode.STRICT)) {
      throw failure(shouldMatchJson(what, true, expected, value, paths()), pretty(value), pretty(expected));
    }
    return myself;
  }

  // ---------------------------------------------------------------- Map

  /**
   * Verifies how many iterations the selected entry of this Map state ran (in its last attempt).
   *
   * <pre>{@code
   * assertThat(result).state("ProcessItems").hasIterations(8);   // passes for 8 items
   * assertThat(result).state("ProcessItems").hasIterations(3);   // fails, listing the iterations
   * }</pre>
   *
   * @param count the expected number of iterations
   * @return this assertion, for chaining
   */
  public StateAssert hasIterations(int count) {
    StateVisit visit = mapVisit("to have run " + count + (count == 1 ? " Map iteration" : " Map iterations"));
    List<MapIteration> iterations = visit.lastAttemptIterations();
    if (iterations.size() != count) {
      throw failure(
          shouldHave(result(), actual.label(),
              "to have run " + count + (count == 1 ? " Map iteration" : " Map iterations"),
              "it ran " + iterations.size() + iterationLines(iterations), null),
          iterations.size(), count);
    }
    return myself;
  }

  /**
   * Verifies the outputs of the Map iterations (last attempt), in index order, strict JSON.
   * Iterations that did not succeed have no output (shown as {@code null}).
   *
   * <pre>{@code
   * assertThat(result).state("Double").hasIterationOutputs("2", "4", "6");   // passes for items 1, 2, 3
   * assertThat(result).state("Double").hasIterationOutputs("2", "4");        // fails: $: expected 2 elements but was 3
   * }</pre>
   *
   * @param expectedJson each iteration's expected output as JSON text, in index order
   * @return this assertion, for chaining
   */
  public StateAssert hasIterationOutputs(String... expectedJson) {
    StateVisit visit = mapVisit("to have iteration outputs");
    ArrayNode expected = Json.NODES.arrayNode();
    for (String item : expectedJson) {
      expected.add(json(item));
    }
    ArrayNode outputs = Json.NODES.arrayNode();
    List<MapIteration> iterations = visit.lastAttemptIterations().stream()
        .sorted((a, b) -> Integer.compare(a.index(), b.index()))
        .toList();
    for (MapIteration iteration : iterations) {
      outputs.add(iteration.output().orElse(Json.NODES.nullNode()));
    }
    if (!JsonDiff.matches(expected, outputs, JsonDiff.Mode.STRICT)) {
      throw failure(
          shouldMatchJson("iteration outputs of " + actual.label() + " of " + execution(),
              true, expected, outputs, "Iterations:" + iterationLines(iterations).substring(1)),
          pretty(outputs), pretty(expected));
    }
    return myself;
  }

  /**
   * Verifies that every Map iteration (last attempt) succeeded.
   *
   * <pre>{@code
   * assertThat(result).state("ProcessItems").allIterationsSucceeded();
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public StateAssert allIterationsSucceeded() {
    StateVisit visit = mapVisit("to have only succeeded iterations");
    List<MapIteration> iterations = visit.lastAttemptIterations();
    for (MapIteration iteration : iterations) {
      if (iteration.status() != MapIteration.Status.SUCCEEDED) {
        throw fail("to have only succeeded iterations",
            "iteration " + iteration.index() + " " + iteration.status() + iterationLines(iterations), null);
      }
    }
    return myself;
  }

  private StateVisit mapVisit(String expectation) {
    StateVisit visit = visit();
    if (!visit.stateType().equals("Map")) {
      throw fail(expectation, "it is a " + visit.stateType() + " state, not a Map state.", null);
    }
    return visit;
  }

  private static String iterationLines(List<MapIteration> iterations) {
    StringBuilder out = new StringBuilder(":");
    for (MapIteration iteration : iterations) {
      out.append("\n  [").append(iteration.index()).append("] ").append(iteration.status());
      if (!iteration.visitedStates().isEmpty()) {
        out.append(": ").append(String.join(" -> ", iteration.visitedStates()));
      }
      iteration.output().ifPresent(o -> out.append(" => ").append(JsonDiff.value(o)));
    }
    return iterations.isEmpty() ? "." : out.toString();
  }

  // ---------------------------------------------------------------- callbacks, child executions

  /**
   * Verifies the selected entry is a {@code .waitForTaskToken} task (finished by a callback).
   *
   * <pre>{@code
   * assertThat(result).state("AwaitApproval").waitedForCallback();   // passes for sqs:sendMessage.waitForTaskToken
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public StateAssert waitedForCallback() {
    StateVisit visit = visit();
    if (!visit.waitedForCallback()) {
      throw fail("to have waited for a callback (.waitForTaskToken)",
          visit.resource().map(r -> "its resource is " + Text.quote(r) + ".").orElse("it scheduled no task."), visit);
    }
    return myself;
  }

  /**
   * Verifies the result a callback sent ({@code SendTaskSuccess} output), strict JSON.
   *
   * <pre>{@code
   * assertThat(result).state("AwaitApproval").receivedCallback("{\"approved\": true}");
   * }</pre>
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public StateAssert receivedCallback(String expectedJson) {
    waitedForCallback();
    StateVisit visit = visit();
    JsonNode expected = json(expectedJson);
    String what = "callback result of " + actual.label() + " of " + execution();
    Optional<JsonNode> value = visit.callbackResult();
    if (value.isEmpty()) {
      throw failure(shouldHaveJson(what, true, expected,
          "no callback succeeded" + visit.error().map(e -> " (it failed with " + Text.quote(e) + ")").orElse("") + ".",
          slice(result(), visit) + paths()));
    }
    if (!JsonDiff.matches(expected, value.get(), JsonDiff.Mode.STRICT)) {
      throw failure(shouldMatchJson(what, true, expected, value.get(), paths()),
          pretty(value.get()), pretty(expected));
    }
    return myself;
  }

  /**
   * Verifies how many child executions the selected entry started ({@code states:startExecution},
   * counting retries).
   *
   * <pre>{@code
   * assertThat(result).state("RunChild").startedChildExecutions(1);
   * }</pre>
   *
   * @param count the expected number
   * @return this assertion, for chaining
   */
  public StateAssert startedChildExecutions(int count) {
    StateVisit visit = visit();
    List<String> arns = visit.childExecutionArns();
    if (arns.size() != count) {
      String started = arns.isEmpty() ? "it started none." : "it started " + arns.size() + ":\n  " + String.join("\n  ", arns);
      throw fail("to have started " + count + (count == 1 ? " child execution" : " child executions"), started, visit);
    }
    return myself;
  }

  // ---------------------------------------------------------------- time

  /**
   * Verifies the selected entry took at most {@code max} (virtual time, entered to exited).
   *
   * <pre>{@code
   * assertThat(result).state("Wait10").tookAtMost(Duration.ofSeconds(10));
   * }</pre>
   *
   * @param max the longest accepted duration
   * @return this assertion, for chaining
   */
  public StateAssert tookAtMost(Duration max) {
    StateVisit visit = visit();
    if (visit.duration().compareTo(max) > 0) {
      throw fail("to have taken at most " + Text.duration(max), "it took " + Text.duration(visit.duration()) + ".", visit);
    }
    return myself;
  }

  /**
   * Verifies the selected entry took at least {@code min}, e.g. retry back-off or a Wait.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").tookAtLeast(Duration.ofSeconds(3));
   * }</pre>
   *
   * @param min the shortest accepted duration
   * @return this assertion, for chaining
   */
  public StateAssert tookAtLeast(Duration min) {
    StateVisit visit = visit();
    if (visit.duration().compareTo(min) < 0) {
      throw fail("to have taken at least " + Text.duration(min), "it took " + Text.duration(visit.duration()) + ".", visit);
    }
    return myself;
  }

  // ---------------------------------------------------------------- helpers

  private static String outcome(StateVisit visit) {
    if (visit.retries() > 0) {
      return " (it succeeded after " + attempts(visit.attempts()) + ")";
    }
    return visit.output().map(o -> " (output: " + JsonDiff.value(o) + ")").orElse("");
  }

  private static String errorsOf(StateVisit visit) {
    List<String> errors = visit.attemptErrors().stream().filter(Objects::nonNull).toList();
    if (errors.isEmpty()) {
      return "";
    }
    return ", errors: " + Text.quoteAll(errors);
  }

  private static String attempts(int n) {
    return n + (n == 1 ? " attempt" : " attempts");
  }

  private static String times(int n) {
    return n + (n == 1 ? " time" : " times");
  }
}
