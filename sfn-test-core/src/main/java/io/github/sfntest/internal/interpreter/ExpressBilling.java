package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.BillingDetails;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.util.List;

/**
 * The {@code billingDetails} of a StartSyncExecution, by AWS's pricing rules: "Duration is
 * calculated from the time your workflow begins executing until it completes or otherwise
 * terminates, rounded up to the nearest 100ms, and the amount of memory used in the execution of
 * your workflow, billed in 64-MB chunks", memory estimated as "50 MB + state machine definition
 * size + execution data size x Number of Parallel or Map Steps" (AWS Step Functions pricing).
 */
final class ExpressBilling {

  private static final long MB = 1024L * 1024L;
  private static final long BASE_BYTES = 50 * MB;
  private static final long CHUNK_MB = 64;
  private static final long DURATION_STEP_MS = 100;

  private ExpressBilling() {}

  /** The billing of an ended execution started with StartSyncExecution; null for any other. */
  static BillingDetails of(RunSettings settings, java.time.Instant stopDate, JsonNode definition, JsonNode input,
      List<HistoryEvent> events) {
    return settings.startedSync() && stopDate != null
        ? of(Duration.between(settings.startTime(), stopDate), definition, input, events) : null;
  }

  /**
   * Billing of one run: its virtual duration, its definition, its input (the execution data) and
   * the Map iterations and Parallel states it ran (at least one step: the data is held once).
   */
  static BillingDetails of(Duration elapsed, JsonNode definition, JsonNode input, List<HistoryEvent> events) {
    long steps = events.stream().filter(e -> e.type() == HistoryEventType.MAP_ITERATION_STARTED
        || e.type() == HistoryEventType.PARALLEL_STATE_STARTED).count();
    long bytes = BASE_BYTES + utf8Length(definition) + utf8Length(input) * Math.max(1, steps);
    return new BillingDetails(roundUp(bytes, CHUNK_MB * MB) / MB, billedMillis(elapsed));
  }

  /** Rounded up to the next 100 ms; an execution is billed at least one step of 100 ms. */
  static long billedMillis(Duration elapsed) {
    return Math.max(DURATION_STEP_MS, roundUp(Math.max(0, elapsed.toMillis()), DURATION_STEP_MS));
  }

  private static long roundUp(long value, long step) {
    return (value + step - 1) / step * step;
  }

  private static long utf8Length(JsonNode node) {
    return node == null ? 0 : Json.utf8Size(Json.write(node));
  }
}
