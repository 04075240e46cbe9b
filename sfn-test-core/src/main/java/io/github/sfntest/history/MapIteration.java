package io.github.sfntest.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One iteration of an inline Map state, from {@code MapIterationStarted} to {@code
 * MapIterationSucceeded/Failed/Aborted}, with the states it entered.
 */
public final class MapIteration {

  /** How an iteration ended. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED,
    ABORTED
  }

  private final StateVisit mapVisit;
  private final int index;
  private final int attempt;
  final List<HistoryEvent> events = new ArrayList<>();
  final List<StateVisit> visits = new ArrayList<>();
  Status status = Status.RUNNING;

  MapIteration(StateVisit mapVisit, int index, int attempt, HistoryEvent started) {
    this.mapVisit = mapVisit;
    this.index = index;
    this.attempt = attempt;
    events.add(started);
  }

  /** The Map state's visit. */
  public StateVisit mapState() {
    return mapVisit;
  }

  public int index() {
    return index;
  }

  /** 1 for the Map state's first attempt, 2 for its first retry, ... */
  public int attempt() {
    return attempt;
  }

  public Status status() {
    return status;
  }

  /** The iteration's own events ({@code MapIteration*}). */
  public List<HistoryEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** The states entered directly in this iteration, in order. */
  public List<StateVisit> stateVisits() {
    return Collections.unmodifiableList(visits);
  }

  /** The names of the states entered directly in this iteration, in order. */
  public List<String> visitedStates() {
    List<String> names = new ArrayList<>();
    for (StateVisit visit : visits) {
      names.add(visit.name());
    }
    return names;
  }

  /** The iteration's output: the output of its last state, if the iteration succeeded. */
  public Optional<JsonNode> output() {
    if (status != Status.SUCCEEDED || visits.isEmpty()) {
      return Optional.empty();
    }
    return visits.get(visits.size() - 1).output();
  }

  @Override
  public String toString() {
    return mapVisit.name() + "[" + index + "] " + status;
  }
}
