package io.github.sfntest.assertions;

import static io.github.sfntest.assertions.error.ShouldHaveEvents.shouldContainSubsequence;
import static io.github.sfntest.assertions.error.ShouldHaveEvents.shouldHaveSize;
import static io.github.sfntest.assertions.error.ShouldHaveEvents.shouldHaveTypes;
import static io.github.sfntest.assertions.error.ShouldHaveEvents.shouldNotBeEmpty;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.render.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Assertions on a selection of history events. Narrow with {@link #ofType}, {@link #forState},
 * {@link #inIteration} or {@link #matching}; each returns a new assertion on the narrower
 * selection.
 *
 * <pre>{@code
 * assertThat(result).events().ofType(TASK_FAILED).hasSize(3);
 * assertThat(result).events().forState("Charge")
 *     .containsSubsequence(TASK_SCHEDULED, TASK_FAILED, TASK_SCHEDULED, TASK_SUCCEEDED);
 * }</pre>
 */
public class EventsAssert extends AbstractSfnAssert<EventsAssert, EventsSubject> {

  /**
   * Back to the assertions on the whole execution.
   *
   * @return the assertions on the execution
   */
  public ExecutionResultAssert and() {
    return navigate(ExecutionResultAssert.class, ExecutionResult.class, actual.result(), ExecutionResultAssert::new);
  }

  /**
   * Starts assertions on a selection of history events; {@link ExecutionResultAssert#events()} is
   * the usual way in.
   *
   * @param actual the events and the execution they come from
   */
  public EventsAssert(EventsSubject actual) {
    super(actual, EventsAssert.class);
  }

  private List<HistoryEvent> events() {
    isNotNull();
    return actual.events();
  }

  private ExecutionHistory history() {
    return actual.result().history();
  }

  @Override
  protected ExecutionHistory historyRead() {
    return history();
  }

  private EventsAssert narrow(Predicate<HistoryEvent> predicate, String selection) {
    List<HistoryEvent> kept = new ArrayList<>();
    for (HistoryEvent event : events()) {
      if (predicate.test(event)) {
        kept.add(event);
      }
    }
    return navigate(
        EventsAssert.class, EventsSubject.class, new EventsSubject(actual.result(), kept, selection), EventsAssert::new);
  }

  /**
   * Keeps the events of the given types.
   *
   * <pre>{@code
   * assertThat(result).events().ofType(TASK_FAILED, TASK_TIMED_OUT).hasSize(2);
   * }</pre>
   *
   * @param types the event types
   * @return this assertion, for chaining
   */
  public EventsAssert ofType(HistoryEventType... types) {
    List<HistoryEventType> wanted = Arrays.asList(types);
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < types.length; i++) {
      names.append(i == 0 ? "" : i == types.length - 1 ? " or " : ", ").append(types[i].awsName());
    }
    String selection = actual.selection().equals("events")
        ? names + " events"
        : names + " events among the " + actual.selection();
    return narrow(e -> wanted.contains(e.type()), selection);
  }

  /**
   * Keeps the events of the state {@code name} (all its entries; not of states nested in it).
   *
   * <pre>{@code
   * assertThat(result).events().forState("Charge").ofType(TASK_SCHEDULED).hasSize(3);
   * }</pre>
   *
   * @param name the state's name, as in the definition
   * @return this assertion, for chaining
   */
  public EventsAssert forState(String name) {
    return narrow(
        e -> history().ownerOf(e).map(v -> v.name().equals(name)).orElse(false),
        actual.selection() + " of state " + Text.quote(name));
  }

  /**
   * Keeps the task events of the integration {@code resource}, written as in AWS's samples ({@code
   * "comprehend:detectSentiment"}), with {@code aws-sdk:}, or as the Task's Resource ARN (see {@link
   * ExecutionHistory#forResource}).
   *
   * <pre>{@code
   * assertThat(result).events().forResource("comprehend:detectSentiment").ofType(TASK_FAILED).hasSize(3);
   * }</pre>
   *
   * @param resource the task resource, e.g. {@code arn:aws:states:::lambda:invoke}
   * @return this assertion, for chaining
   */
  public EventsAssert forResource(String resource) {
    java.util.Set<HistoryEvent> kept = new java.util.HashSet<>(history().forResource(resource).events());
    return narrow(kept::contains, actual.selection() + " of resource " + Text.quote(resource));
  }

  /**
   * Keeps the events of iteration {@code index} of Map state {@code mapState}, nested states
   * included.
   *
   * <pre>{@code
   * assertThat(result).events().inIteration("ProcessItems", 2).ofType(TASK_FAILED).isEmpty();
   * }</pre>
   *
   * @param mapState the Map state's name
   * @param index a zero-based iteration index
   * @return this assertion, for chaining
   */
  public EventsAssert inIteration(String mapState, int index) {
    List<HistoryEvent> inIteration = history().inIteration(mapState, index).events();
    return narrow(
        inIteration::contains,
        actual.selection() + " of iteration " + index + " of Map state " + Text.quote(mapState));
  }

  /**
   * Keeps the events matching {@code predicate}, described as {@code description} in messages.
   *
   * <pre>{@code
   * assertThat(result).events().matching(e -> e.error().isPresent(), "events with an error").hasSize(1);
   * }</pre>
   *
   * @param predicate the condition
   * @param description a description for failure messages
   * @return this assertion, for chaining
   */
  public EventsAssert matching(Predicate<HistoryEvent> predicate, String description) {
    return narrow(predicate, description);
  }

  /**
   * Verifies the number of selected events.
   *
   * <pre>{@code
   * assertThat(result).events().ofType(TASK_FAILED).hasSize(3);   // fails: but found 2: #5 TaskFailed [Charge] ...
   * }</pre>
   *
   * @param expected the expected number of events
   * @return this assertion, for chaining
   */
  public EventsAssert hasSize(int expected) {
    if (events().size() != expected) {
      throw failure(shouldHaveSize(actual.result(), actual.selection(), expected, events()), events().size(), expected);
    }
    return myself;
  }

  /**
   * Verifies there is no selected event.
   *
   * <pre>{@code
   * assertThat(result).events().ofType(EXECUTION_FAILED).isEmpty();
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public EventsAssert isEmpty() {
    return hasSize(0);
  }

  /**
   * Verifies there is at least one selected event.
   *
   * <pre>{@code
   * assertThat(result).events().ofType(TASK_SUBMITTED).isNotEmpty();
   * }</pre>
   *
   * @return this assertion, for chaining
   */
  public EventsAssert isNotEmpty() {
    if (events().isEmpty()) {
      throw failure(shouldNotBeEmpty(actual.result(), actual.selection()));
    }
    return myself;
  }

  /**
   * Verifies that the selected events contain these types in this order, others possibly in
   * between.
   *
   * <pre>{@code
   * assertThat(result).events().forState("Charge").containsSubsequence(TASK_FAILED, TASK_SUCCEEDED);   // passes after a retry
   * assertThat(result).events().forState("Charge").containsSubsequence(TASK_SUCCEEDED, TASK_FAILED);   // fails
   * }</pre>
   *
   * @param types the event types
   * @return this assertion, for chaining
   */
  public EventsAssert containsSubsequence(HistoryEventType... types) {
    List<HistoryEvent> events = events();
    int position = 0;
    HistoryEvent lastMatched = null;
    for (int i = 0; i < types.length; i++) {
      int found = -1;
      for (int j = position; j < events.size(); j++) {
        if (events.get(j).type() == types[i]) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        throw failure(
            shouldContainSubsequence(actual.result(), actual.selection(), Arrays.asList(types), i, lastMatched, events));
      }
      lastMatched = events.get(found);
      position = found + 1;
    }
    return myself;
  }

  /**
   * Verifies the exact sequence of types of the selected events.
   *
   * <pre>{@code
   * assertThat(result).events().forState("Validate").containsExactly(PASS_STATE_ENTERED, PASS_STATE_EXITED);
   * }</pre>
   *
   * @param types the event types
   * @return this assertion, for chaining
   */
  public EventsAssert containsExactly(HistoryEventType... types) {
    List<HistoryEventType> actualTypes = events().stream().map(HistoryEvent::type).toList();
    if (!actualTypes.equals(Arrays.asList(types))) {
      throw failure(
          shouldHaveTypes(actual.result(), actual.selection(), Arrays.asList(types), events()),
          actualTypes.toString(),
          Arrays.asList(types).toString());
    }
    return myself;
  }

  /**
   * Verifies the selected events with custom checks, e.g. on their details.
   *
   * <pre>{@code
   * assertThat(result).events().ofType(TASK_FAILED)
   *     .satisfiesAll(e -> assertThat(e.error()).contains("States.Timeout"));
   * }</pre>
   *
   * @param requirements assertions run on the value
   * @return this assertion, for chaining
   */
  public EventsAssert satisfiesAll(Consumer<HistoryEvent> requirements) {
    for (HistoryEvent event : events()) {
      requirements.accept(event);
    }
    return myself;
  }
}
