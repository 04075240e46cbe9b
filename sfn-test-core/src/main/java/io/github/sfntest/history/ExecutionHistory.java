package io.github.sfntest.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The events of one execution in the order AWS {@code GetExecutionHistory} lists them. */
public final class ExecutionHistory implements Iterable<HistoryEvent> {

  private final List<HistoryEvent> events;

  public ExecutionHistory(List<HistoryEvent> events) {
    this.events = List.copyOf(events);
  }

  public List<HistoryEvent> events() {
    return events;
  }

  /** Groovy-friendly alias of {@link #events()}. */
  public List<HistoryEvent> getEvents() {
    return events;
  }

  public int size() {
    return events.size();
  }

  /** The events of the given type, in order. */
  public List<HistoryEvent> ofType(HistoryEventType type) {
    List<HistoryEvent> result = new ArrayList<>();
    for (HistoryEvent event : events) {
      if (event.type() == type) {
        result.add(event);
      }
    }
    return result;
  }

  /** The names of states entered, in order, at every nesting level (the path taken). */
  public List<String> enteredStateNames() {
    List<String> names = new ArrayList<>();
    for (HistoryEvent event : events) {
      if (event.type().isStateEntered()) {
        event.stateName().ifPresent(names::add);
      }
    }
    return names;
  }

  /** The event types in order. */
  public List<HistoryEventType> types() {
    List<HistoryEventType> types = new ArrayList<>(events.size());
    for (HistoryEvent event : events) {
      types.add(event.type());
    }
    return types;
  }

  /** The whole history as GetExecutionHistory's {@code events} array. */
  public ArrayNode toJson() {
    ArrayNode array = Json.NODES.arrayNode();
    for (HistoryEvent event : events) {
      array.add(event.toJson());
    }
    return array;
  }

  @Override
  public Iterator<HistoryEvent> iterator() {
    return events.iterator();
  }
}
