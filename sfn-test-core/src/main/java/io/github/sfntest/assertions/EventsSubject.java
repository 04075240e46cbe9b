package io.github.sfntest.assertions;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.HistoryEvent;
import java.util.List;
import java.util.Objects;

/** What an {@link EventsAssert} looks at: a selection of an execution's history events. */
public final class EventsSubject {

  private final ExecutionResult result;
  private final List<HistoryEvent> events;
  private final String selection;

  /**
   * @param selection how the events were chosen, for messages: {@code events}, {@code TaskFailed
   *     events of state "Charge"}...
   * @param result the execution the events come from
   * @param events the selected events, in history order
   */
  public EventsSubject(ExecutionResult result, List<HistoryEvent> events, String selection) {
    this.result = Objects.requireNonNull(result, "result");
    this.events = List.copyOf(events);
    this.selection = selection;
  }

  /**
   * The execution the events come from.
   *
   * @return the execution result
   */
  public ExecutionResult result() {
    return result;
  }

  /**
   * The selected events, in history order.
   *
   * @return the events
   */
  public List<HistoryEvent> events() {
    return events;
  }

  /**
   * How the events were chosen, for failure messages.
   *
   * @return the selection's description
   */
  public String selection() {
    return selection;
  }

  @Override
  public String toString() {
    return events.size() + " " + selection;
  }
}
