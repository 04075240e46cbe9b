package io.github.sfntest.samples.support;

import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the virtual-time spacing of history events, e.g. how far apart the retries of a state were
 * scheduled. Only public API ({@link ExecutionResult#history()}) is used, so a Spock spec can do the
 * same in one line of Groovy.
 */
public final class Timeline {

  private Timeline() {}

  /** The timestamps of the {@code type} events of state {@code stateName}, in history order. */
  public static List<Instant> timestamps(ExecutionResult result, String stateName, HistoryEventType type) {
    return result.history().forState(stateName).ofType(type).stream().map(HistoryEvent::timestamp).toList();
  }

  /**
   * The gaps between consecutive {@code type} events of {@code stateName}: for {@code
   * TASK_SCHEDULED} these are the retry intervals (a task mocked without latency fails at once).
   */
  public static List<Duration> gaps(ExecutionResult result, String stateName, HistoryEventType type) {
    List<Instant> times = timestamps(result, stateName, type);
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(Duration.between(times.get(i - 1), times.get(i)));
    }
    return gaps;
  }

  /** Virtual time from the execution's start to the first {@code type} event of {@code stateName}. */
  public static Duration sinceStart(ExecutionResult result, String stateName, HistoryEventType type) {
    return Duration.between(result.startDate(), timestamps(result, stateName, type).get(0));
  }
}
