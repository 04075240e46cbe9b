package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.history.HistoryRetention;
import io.github.sfntest.internal.asl.StateType;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The history of one execution: event ids, links between events, and the history-size limit. */
public final class HistoryRecorder {

  /** Told when the history reaches its size limit while the execution still runs. */
  interface LimitListener {
    void historyLimitReached(HistoryEventType type);
  }

  /** {"truncated": false}, shared: history details are read-only. */
  public static final ObjectNode NOT_TRUNCATED = Json.NODES.objectNode().put("truncated", false);

  private final List<HistoryEvent> events = new ArrayList<>();
  private final Scheduler scheduler;
  private final int maxEvents;
  private final LimitListener limit;
  private long nextEventId = 1;
  private HistoryRetention retention = HistoryRetention.FULL;

  HistoryRecorder(Scheduler scheduler, int maxEvents, LimitListener limit) {
    this.scheduler = scheduler;
    this.maxEvents = maxEvents;
    this.limit = limit;
  }

  List<HistoryEvent> events() {
    return List.copyOf(events);
  }

  HistoryRetention retention() {
    return retention;
  }

  void retention(HistoryRetention value) {
    this.retention = value;
  }

  /** The id of the last event recorded, kept or not. */
  long lastEventId() {
    return nextEventId - 1;
  }

  /** Whether an event of this type, from a thread this deep (0: the execution's), is kept. */
  private boolean keeps(int depth, HistoryEventType type) {
    return switch (retention) {
      case FULL -> true;
      case NONE -> type.name().startsWith("EXECUTION_");
      case SUMMARY -> depth == 0 || type.name().startsWith("EXECUTION_")
          || depth == 1 && type.name().startsWith("MAP_ITERATION_");
    };
  }

  long emit(HistoryContext ctx, HistoryEventType type, ObjectNode details, boolean updateSource) {
    long id = record(ctx.depth, ctx.source, type, details);
    ctx.last = id;
    if (updateSource) {
      ctx.source = id;
    }
    return id;
  }

  /** An event linked to {@code previous} that moves no thread's history context (aborts). */
  long record(long previous, HistoryEventType type, ObjectNode details) {
    return record(0, previous, type, details);
  }

  /** The same, for an event of a thread {@code depth} deep (see {@link HistoryContext#depth}). */
  long record(int depth, long previous, HistoryEventType type, ObjectNode details) {
    long id = nextEventId++;
    if (keeps(depth, type)) {
      events.add(new HistoryEvent(id, previous, scheduler.now(), type, details));
    }
    checkLimit(type);
    return id;
  }

  /** Records an event whose payload strings are rendered only if someone reads them. */
  long emitLazy(HistoryContext ctx, HistoryEventType type, Supplier<ObjectNode> details) {
    long id = nextEventId++;
    if (keeps(ctx.depth, type)) {
      events.add(HistoryEvent.withLazyDetails(id, ctx.source, scheduler.now(), type, details));
    }
    ctx.last = id;
    ctx.source = id;
    checkLimit(type);
    return id;
  }

  private void checkLimit(HistoryEventType type) {
    // Every event counts, kept or not: AWS's limit does not depend on what the engine keeps.
    if (maxEvents > 0 && nextEventId - 1 >= maxEvents) {
      limit.historyLimitReached(type);
    }
  }

  static ObjectNode executionStartedDetails(JsonNode input, String roleArn) {
    ObjectNode details = Json.NODES.objectNode();
    details.put("input", Json.write(input));
    details.set("inputDetails", NOT_TRUNCATED);
    details.put("roleArn", roleArn);
    return details;
  }

  static ObjectNode executionSucceededDetails(JsonNode output) {
    ObjectNode details = Json.NODES.objectNode();
    details.put("output", Json.write(output));
    details.set("outputDetails", NOT_TRUNCATED);
    return details;
  }

  static ObjectNode stateEnteredDetails(String name, JsonNode stateInput) {
    ObjectNode details = Json.NODES.objectNode();
    details.put("name", name);
    details.put("input", Json.write(stateInput));
    details.set("inputDetails", NOT_TRUNCATED);
    return details;
  }

  private static final java.util.regex.Pattern FIELD_IN_CAUSE =
      java.util.regex.Pattern.compile("specified for the field '([^']*)'|^The (Timestamp|Seconds) field");

  /**
   * EvaluationFailed's details: the error and cause, the field the cause names as AWS's {@code
   * location} (found in {@code localCause}, the cause without its state prefix), and the state.
   */
  static ObjectNode evaluationFailedDetails(String stateName, String err, String errCause, String localCause) {
    ObjectNode details = errorDetails(err, errCause);
    java.util.regex.Matcher m = FIELD_IN_CAUSE.matcher(localCause);
    if (m.find()) {
      details.put("location", m.group(1) != null ? m.group(1) : m.group(2));
    }
    details.put("state", stateName);
    return details;
  }

  /** {"error": ..., "cause": ...}, each only when given. */
  public static ObjectNode errorDetails(String err, String errCause) {
    ObjectNode details = Json.NODES.objectNode();
    if (err != null) {
      details.put("error", err);
    }
    if (errCause != null) {
      details.put("cause", errCause);
    }
    return details;
  }

  static HistoryEventType entered(StateType type) {
    return switch (type) {
      case PASS -> HistoryEventType.PASS_STATE_ENTERED;
      case TASK -> HistoryEventType.TASK_STATE_ENTERED;
      case CHOICE -> HistoryEventType.CHOICE_STATE_ENTERED;
      case WAIT -> HistoryEventType.WAIT_STATE_ENTERED;
      case SUCCEED -> HistoryEventType.SUCCEED_STATE_ENTERED;
      case FAIL -> HistoryEventType.FAIL_STATE_ENTERED;
      case PARALLEL -> HistoryEventType.PARALLEL_STATE_ENTERED;
      case MAP -> HistoryEventType.MAP_STATE_ENTERED;
    };
  }

  static HistoryEventType exited(StateType type) {
    return switch (type) {
      case PASS -> HistoryEventType.PASS_STATE_EXITED;
      case TASK -> HistoryEventType.TASK_STATE_EXITED;
      case CHOICE -> HistoryEventType.CHOICE_STATE_EXITED;
      case WAIT -> HistoryEventType.WAIT_STATE_EXITED;
      case SUCCEED -> HistoryEventType.SUCCEED_STATE_EXITED;
      case PARALLEL -> HistoryEventType.PARALLEL_STATE_EXITED;
      case MAP -> HistoryEventType.MAP_STATE_EXITED;
      case FAIL -> throw new IllegalStateException("Fail states do not exit");
    };
  }

  static HistoryEventType aborted(StateType type) {
    return switch (type) {
      case TASK -> HistoryEventType.TASK_STATE_ABORTED;
      case WAIT -> HistoryEventType.WAIT_STATE_ABORTED;
      case PARALLEL -> HistoryEventType.PARALLEL_STATE_ABORTED;
      case MAP -> HistoryEventType.MAP_STATE_ABORTED;
      default -> null;
    };
  }
}
