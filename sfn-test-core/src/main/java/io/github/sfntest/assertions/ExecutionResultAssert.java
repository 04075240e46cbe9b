package io.github.sfntest.assertions;

import static io.github.sfntest.assertions.error.ShouldHaveElapsed.shouldHaveTaken;
import static io.github.sfntest.assertions.error.ShouldHaveStatus.shouldHaveFailedWith;
import static io.github.sfntest.assertions.error.ShouldHaveStatus.shouldHaveStatus;
import static io.github.sfntest.assertions.error.ShouldHaveVisited.shouldHaveEndedIn;
import static io.github.sfntest.assertions.error.ShouldHaveVisited.shouldHavePath;
import static io.github.sfntest.assertions.error.ShouldHaveVisited.shouldHaveVisited;
import static io.github.sfntest.assertions.error.ShouldHaveVisited.shouldHaveVisitedInOrder;
import static io.github.sfntest.assertions.error.ShouldHaveVisited.shouldNotHaveVisited;
import static io.github.sfntest.assertions.error.ShouldMatchJson.shouldHaveJson;
import static io.github.sfntest.assertions.error.ShouldMatchJson.shouldHaveOutput;
import static io.github.sfntest.assertions.error.ShouldMatchJson.shouldMatchJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.history.StateVisit;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.render.ExecutionRenderer;
import io.github.sfntest.internal.render.JsonDiff;
import io.github.sfntest.internal.render.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Assertions on a finished execution: status, output, path through the states, and entry points
 * to per-state ({@link #state(String)}) and per-event ({@link #events()}) assertions.
 *
 * <pre>{@code
 * assertThat(result)
 *     .succeeded()
 *     .visitedInOrder("Validate", "Charge", "Ship")
 *     .hasOutputContaining("{\"status\": \"SHIPPED\"}");
 * assertThat(result).state("Charge").wasRetried(2);
 * assertThat(result).events().ofType(TASK_FAILED).hasSize(2);
 * }</pre>
 *
 * Only the {@link ExecutionResult} and its history are used, so results of any engine work.
 */
public class ExecutionResultAssert extends AbstractSfnAssert<ExecutionResultAssert, ExecutionResult> {

  static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .build();

  @Override
  protected io.github.sfntest.history.ExecutionHistory historyRead() {
    return actual == null ? null : actual.history();
  }

  /**
   * Starts assertions on a finished execution; {@link SfnAssertions#assertThat(ExecutionResult)} is
   * the usual way in.
   *
   * @param actual the execution result
   */
  public ExecutionResultAssert(ExecutionResult actual) {
    super(actual, ExecutionResultAssert.class);
  }

  // ---------------------------------------------------------------- status

  /**
   * Verifies that the execution SUCCEEDED.
   *
   * <pre>{@code
   * assertThat(succeededResult).succeeded();   // passes
   * assertThat(failedResult).succeeded();      // fails: "... to have succeeded, but it FAILED with: ..."
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert succeeded() {
    return hasStatus(ExecutionStatus.SUCCEEDED);
  }

  /**
   * Verifies that the execution FAILED (any error).
   *
   * <pre>{@code
   * assertThat(failedResult).failed();      // passes
   * assertThat(succeededResult).failed();   // fails: "... to have failed, but it SUCCEEDED with output: ..."
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert failed() {
    return hasStatus(ExecutionStatus.FAILED);
  }

  /**
   * Verifies that the execution TIMED_OUT.
   *
   * <pre>{@code
   * assertThat(timedOutResult).timedOut();   // passes
   * assertThat(failedResult).timedOut();     // fails
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert timedOut() {
    return hasStatus(ExecutionStatus.TIMED_OUT);
  }

  /**
   * Verifies that the execution was ABORTED.
   *
   * <pre>{@code
   * assertThat(stoppedResult).aborted();     // passes
   * assertThat(succeededResult).aborted();   // fails
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert aborted() {
    return hasStatus(ExecutionStatus.ABORTED);
  }

  /**
   * Verifies the execution's status.
   *
   * <pre>{@code
   * assertThat(result).hasStatus(ExecutionStatus.SUCCEEDED);   // passes if it succeeded
   * }</pre>
   *
   * @param expected the expected status
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert hasStatus(ExecutionStatus expected) {
    isNotNull();
    if (actual.status() != expected) {
      throw failure(shouldHaveStatus(actual, expected), actual.status(), expected);
    }
    return myself;
  }

  /**
   * Verifies that the execution was redriven exactly {@code times} times (its {@code
   * ExecutionRedriven} events, DescribeExecution's {@code redriveCount}).
   *
   * <pre>{@code
   * assertThat(execution.redrive().awaitCompletion()).succeeded().wasRedriven(1);
   * }</pre>
   *
   * @param times the expected redrive count
   * @return this assertion
   */
  public ExecutionResultAssert wasRedriven(int times) {
    isNotNull();
    if (actual.redriveCount() != times) {
      failWithMessage("Expected execution %s to have been redriven %s time(s), but it was redriven %s time(s)",
          actual.executionArn(), times, actual.redriveCount());
    }
    return myself;
  }

  /**
   * Verifies that the execution FAILED with {@code error}, whatever the cause.
   *
   * <pre>{@code
   * assertThat(result).failedWith("States.TaskFailed");   // passes if it failed so
   * assertThat(result).failedWith("States.Timeout");      // fails, showing the actual error and cause
   * }</pre>
   *
   * @param error the error name, e.g. {@code States.TaskFailed}
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert failedWith(String error) {
    isNotNull();
    if (actual.status() != ExecutionStatus.FAILED || !Objects.equals(actual.error().orElse(null), error)) {
      throw failure(shouldHaveFailedWith(actual, error, null), actual.error().orElse(null), error);
    }
    return myself;
  }

  /**
   * Verifies that the execution FAILED with {@code error} and exactly {@code cause}.
   *
   * <pre>{@code
   * assertThat(result).failedWith("OrderInvalid", "Quantity must be positive");   // passes
   * assertThat(result).failedWith("OrderInvalid", "Other");                       // fails
   * }</pre>
   *
   * @param error the error name, e.g. {@code States.TaskFailed}
   * @param cause the cause text
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert failedWith(String error, String cause) {
    isNotNull();
    if (actual.status() != ExecutionStatus.FAILED
        || !Objects.equals(actual.error().orElse(null), error)
        || !Objects.equals(actual.cause().orElse(null), cause)) {
      throw failure(
          shouldHaveFailedWith(actual, error, cause),
          "error: " + actual.error().orElse(null) + "\ncause: " + actual.cause().orElse(null),
          "error: " + error + "\ncause: " + cause);
    }
    return myself;
  }

  // ---------------------------------------------------------------- output

  /**
   * Verifies that the output is equal as JSON to {@code expectedJson}: same fields and values at
   * every level (key order ignored, numbers by value).
   *
   * <pre>{@code
   * // output {"total": 42, "currency": "EUR"}
   * assertThat(result).hasOutput("{\"currency\": \"EUR\", \"total\": 42.0}");   // passes
   * assertThat(result).hasOutput("{\"total\": 42}");   // fails: $.currency: unexpected field
   * }</pre>
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert hasOutput(String expectedJson) {
    return hasOutput(json(expectedJson), JsonDiff.Mode.STRICT);
  }

  /**
   * {@link #hasOutput(String)} with an expected JSON tree.
   *
   * @param expected the expected JSON tree
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert hasOutput(JsonNode expected) {
    return hasOutput(expected, JsonDiff.Mode.STRICT);
  }

  /**
   * Verifies that the output contains {@code expectedJson}: every field the expected value lists
   * must be there with that value (recursively); the output may have more fields. Arrays must
   * have the same length and order.
   *
   * <pre>{@code
   * // output {"total": 42, "currency": "EUR"}
   * assertThat(result).hasOutputContaining("{\"total\": 42}");   // passes
   * assertThat(result).hasOutputContaining("{\"total\": 41}");   // fails: $.total: expected 41 but was 42
   * }</pre>
   *
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert hasOutputContaining(String expectedJson) {
    return hasOutput(json(expectedJson), JsonDiff.Mode.LENIENT);
  }

  private ExecutionResultAssert hasOutput(JsonNode expected, JsonDiff.Mode mode) {
    isNotNull();
    if (actual.status() != ExecutionStatus.SUCCEEDED || actual.output().isEmpty()) {
      throw failure(shouldHaveOutput(actual, mode == JsonDiff.Mode.STRICT, expected));
    }
    JsonNode output = actual.output().get();
    if (!JsonDiff.matches(expected, output, mode)) {
      throw failure(
          shouldMatchJson("output of " + ExecutionRenderer.describe(actual.executionArn(), actual.stateMachineName()), mode == JsonDiff.Mode.STRICT, expected, output, null),
          pretty(output),
          pretty(expected));
    }
    return myself;
  }

  /**
   * Verifies the value at a JSONPath of the output (strict JSON equality).
   *
   * <pre>{@code
   * // output {"order": {"items": [{"sku": "A"}, {"sku": "B"}]}}
   * assertThat(result).hasOutputAt("$.order.items[1].sku", "\"B\"");          // passes
   * assertThat(result).hasOutputAt("$.order.items[*].sku", "[\"A\", \"B\"]");  // passes
   * assertThat(result).hasOutputAt("$.order.total", "42");   // fails: no value at "$.order.total"
   * }</pre>
   *
   * @param jsonPath a JSONPath into the JSON, e.g. {@code $.order.id}
   * @param expectedJson the expected JSON text
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert hasOutputAt(String jsonPath, String expectedJson) {
    isNotNull();
    JsonNode expected = json(expectedJson);
    String what = "output of " + ExecutionRenderer.describe(actual.executionArn(), actual.stateMachineName()) + " at " + Text.quote(jsonPath);
    if (actual.status() != ExecutionStatus.SUCCEEDED || actual.output().isEmpty()) {
      throw failure(shouldHaveOutput(actual, true, expected));
    }
    JsonNode output = actual.output().get();
    JsonNode value;
    try {
      Object read = JsonPath.using(JSON_PATH).parse(output).read(jsonPath);
      value = read instanceof JsonNode node ? node : Json.MAPPER.valueToTree(read);
    } catch (PathNotFoundException e) {
      throw failure(
          shouldHaveJson(
              what,
              true,
              expected,
              "there is no value at that path in the output:\n" + Text.indent(Json.pretty(output), "  "),
              null));
    }
    if (!JsonDiff.matches(expected, value, JsonDiff.Mode.STRICT)) {
      throw failure(
          shouldMatchJson(what, true, expected, value, null), pretty(value), pretty(expected));
    }
    return myself;
  }

  /**
   * Verifies that the execution succeeded and its output satisfies {@code requirements}.
   *
   * <pre>{@code
   * assertThat(result).hasOutputSatisfying(out -> assertThat(out.get("total").asInt()).isPositive());
   * }</pre>
   *
   * @param requirements assertions run on the value
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert hasOutputSatisfying(Consumer<JsonNode> requirements) {
    isNotNull();
    if (actual.status() != ExecutionStatus.SUCCEEDED || actual.output().isEmpty()) {
      throw failure(shouldHaveStatus(actual, ExecutionStatus.SUCCEEDED));
    }
    requirements.accept(actual.output().get());
    return myself;
  }

  // ---------------------------------------------------------------- path

  /**
   * Verifies that every given state was entered at least once, at any nesting level, in any
   * order.
   *
   * <pre>{@code
   * // path Validate -> Charge -> Ship
   * assertThat(result).visited("Ship", "Validate");   // passes
   * assertThat(result).visited("Chrage");             // fails: never entered (did you mean "Charge"?)
   * }</pre>
   *
   * @param states the state names
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert visited(String... states) {
    isNotNull();
    List<String> visited = actual.visitedStates();
    List<String> missing = new ArrayList<>();
    for (String state : states) {
      if (!visited.contains(state)) {
        missing.add(state);
      }
    }
    if (!missing.isEmpty()) {
      throw failure(shouldHaveVisited(actual, Arrays.asList(states), missing));
    }
    return myself;
  }

  /**
   * Verifies that the given states were entered in this order, other states possibly in between
   * (a subsequence of {@link ExecutionResult#visitedStates()}).
   *
   * <pre>{@code
   * // path Validate -> Charge -> Ship
   * assertThat(result).visitedInOrder("Validate", "Ship");   // passes
   * assertThat(result).visitedInOrder("Ship", "Charge");     // fails: "Charge" was not entered after "Ship"
   * }</pre>
   *
   * @param states the state names
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert visitedInOrder(String... states) {
    isNotNull();
    List<String> visited = actual.visitedStates();
    int position = 0;
    for (int i = 0; i < states.length; i++) {
      int found = -1;
      for (int j = position; j < visited.size(); j++) {
        if (visited.get(j).equals(states[i])) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        throw failure(shouldHaveVisitedInOrder(actual, Arrays.asList(states), i));
      }
      position = found + 1;
    }
    return myself;
  }

  /**
   * Verifies the exact sequence of states entered (every nesting level, history order).
   *
   * <pre>{@code
   * assertThat(result).hasPath("Validate", "Charge", "Ship");   // passes
   * assertThat(result).hasPath("Validate", "Ship");             // fails, IDE diff of both lists
   * }</pre>
   *
   * @param states the state names
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert hasPath(String... states) {
    isNotNull();
    List<String> expected = Arrays.asList(states);
    if (!actual.visitedStates().equals(expected)) {
      throw failure(shouldHavePath(actual, expected), String.join("\n", actual.visitedStates()), String.join("\n", expected));
    }
    return myself;
  }

  /**
   * Verifies that none of the given states was entered.
   *
   * <pre>{@code
   * assertThat(result).didNotVisit("HandleError");   // passes if no catcher ran
   * }</pre>
   *
   * @param states the state names
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert didNotVisit(String... states) {
    isNotNull();
    List<String> visited = actual.visitedStates();
    for (String state : states) {
      if (visited.contains(state)) {
        throw failure(shouldNotHaveVisited(actual, Arrays.asList(states)));
      }
    }
    return myself;
  }

  /**
   * Verifies the last state entered at the top level (not inside a Map or Parallel state).
   *
   * <pre>{@code
   * assertThat(result).endedIn("Done");          // passes
   * assertThat(result).endedIn("HandleError");   // fails: but it ended in "Done"
   * }</pre>
   *
   * @param state the state name
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert endedIn(String state) {
    isNotNull();
    List<StateVisit> top = actual.history().topLevelVisits();
    String last = top.isEmpty() ? null : top.get(top.size() - 1).name();
    if (!state.equals(last)) {
      throw failure(shouldHaveEndedIn(actual, state, last), last, state);
    }
    return myself;
  }

  // ---------------------------------------------------------------- time

  /**
   * Verifies the elapsed (virtual) time between start and stop is at most {@code max}.
   *
   * <pre>{@code
   * assertThat(result).tookAtMost(Duration.ofMinutes(5));   // passes for a 1 minute execution
   * assertThat(result).tookAtMost(Duration.ofSeconds(5));   // fails, with timings per state
   * }</pre>
   *
   * @param max the longest accepted duration
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert tookAtMost(Duration max) {
    isNotNull();
    if (actual.elapsed().compareTo(max) > 0) {
      throw failure(shouldHaveTaken(actual, "at most", max));
    }
    return myself;
  }

  /**
   * Verifies the elapsed (virtual) time is at least {@code min}, e.g. that Wait states and retry
   * back-off happened.
   *
   * <pre>{@code
   * assertThat(result).tookAtLeast(Duration.ofSeconds(3));   // passes if the retries waited 1 + 2 s
   * }</pre>
   *
   * @param min the shortest accepted duration
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert tookAtLeast(Duration min) {
    isNotNull();
    if (actual.elapsed().compareTo(min) < 0) {
      throw failure(shouldHaveTaken(actual, "at least", min));
    }
    return myself;
  }

  /**
   * Verifies the elapsed (virtual) time exactly.
   *
   * <pre>{@code
   * assertThat(result).took(Duration.ofSeconds(60));   // passes for a single Wait of 60 s
   * }</pre>
   *
   * @param expected the expected value
   * @return this assertion, for chaining
   */
  public ExecutionResultAssert took(Duration expected) {
    isNotNull();
    if (actual.elapsed().compareTo(expected) != 0) {
      throw failure(shouldHaveTaken(actual, "exactly", expected));
    }
    return myself;
  }

  // ---------------------------------------------------------------- navigation

  /**
   * Assertions on the state {@code name} (its last entry unless one is chosen with {@link
   * StateAssert#entry(int)}). Every assertion on it fails with near-miss suggestions if the state
   * was never entered.
   *
   * <pre>{@code
   * assertThat(result).state("Charge").wasEnteredTimes(1).wasRetried(2).hasOutputContaining("{\"paid\": true}");
   * }</pre>
   *
   * @param name the state's name, as in the definition
   * @return assertions on that state
   */
  public StateAssert state(String name) {
    isNotNull();
    return navigate(StateAssert.class, StateSubject.class, new StateSubject(actual, name, 0), StateAssert::new);
  }

  /**
   * Assertions on the (last) Map Run of Distributed Map state {@code stateName}.
   *
   * @param stateName the Distributed Map state's name
   * @return assertions on its Map Run
   */
  public MapRunAssert mapRun(String stateName) {
    isNotNull();
    boolean found = actual.mapRuns().stream().anyMatch(r -> r.stateName().equals(stateName));
    if (!found) {
      failWithMessage("Expected a Map Run of Distributed Map state \"%s\" but the execution's Map Runs are %s",
          stateName, actual.mapRuns().stream().map(io.github.sfntest.engine.MapRunResult::stateName).toList());
    }
    return navigate(MapRunAssert.class, io.github.sfntest.engine.MapRunResult.class, actual.mapRun(stateName),
        MapRunAssert::new);
  }

  /**
   * Assertions on all the history events of the execution, to be narrowed with {@link
   * EventsAssert#ofType} / {@link EventsAssert#forState}.
   *
   * <pre>{@code
   * assertThat(result).events().ofType(TASK_FAILED).hasSize(3);
   * }</pre>
   *
   * @return assertions on the execution's events
   */
  public EventsAssert events() {
    isNotNull();
    return navigate(
        EventsAssert.class,
        EventsSubject.class,
        new EventsSubject(actual, actual.history().events(), "events"),
        EventsAssert::new);
  }
}
