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
   */
  public EventsSubject(ExecutionResult result, List<HistoryEvent> events, String selection) {
    this.result = Objects.requireNonNull(result, "result");
    this.events = List.copyOf(events);
    this.selection = selection;
  }

  public ExecutionResult result() {
    return result;
  }

  public List<HistoryEvent> events() {
    return events;
  }

  public String selection() {
    return selection;
  }

  @Override
  public String toString() {
    return events.size() + " " + selection;
  }
}
