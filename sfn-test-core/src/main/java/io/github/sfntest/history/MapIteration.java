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
    /** The iteration has not ended yet. */
    RUNNING,
    /** The iteration succeeded. */
    SUCCEEDED,
    /** The iteration failed. */
    FAILED,
    /** The iteration was aborted (another iteration failed, or the execution ended). */
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

  /**
   * The Map state's visit.
   *
   * @return the Map state's visit
   */
  public StateVisit mapState() {
    return mapVisit;
  }

  /**
   * The iteration's index, 0 for the first item.
   *
   * @return the zero-based index
   */
  public int index() {
    return index;
  }

  /**
   * 1 for the Map state's first attempt, 2 for its first retry, ...
   *
   * @return the attempt number, from 1
   */
  public int attempt() {
    return attempt;
  }

  /**
   * How the iteration ended, or RUNNING.
   *
   * @return the status
   */
  public Status status() {
    return status;
  }

  /**
   * The iteration's own events ({@code MapIteration*}).
   *
   * @return the iteration's events
   */
  public List<HistoryEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /**
   * The states entered directly in this iteration, in order.
   *
   * @return the state visits
   */
  public List<StateVisit> stateVisits() {
    return Collections.unmodifiableList(visits);
  }

  /**
   * The names of the states entered directly in this iteration, in order.
   *
   * @return the state names
   */
  public List<String> visitedStates() {
    List<String> names = new ArrayList<>();
    for (StateVisit visit : visits) {
      names.add(visit.name());
    }
    return names;
  }

  /**
   * The iteration's output: the output of its last state, if the iteration succeeded.
   *
   * @return the output, empty unless the iteration succeeded
   */
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
