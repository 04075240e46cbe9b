package io.github.sfntest.internal.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.history.MapIteration;
import io.github.sfntest.history.StateVisit;
import io.github.sfntest.internal.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Compact, human renderings of an execution for failure messages and logs: the path taken with
 * retries and errors, a one-screen summary with timings, and history slices.
 */
public final class ExecutionRenderer {

  private static final int MAX_STATE_LINES = 30;
  private static final int MAX_EVENT_LINES = 25;

  private ExecutionRenderer() {}

  /**
   * What {@link #render} shows of an execution. The renderer takes this view rather than the public
   * result type so that this package does not depend on the package that calls it.
   *
   * @param status the status's name
   * @param output the output, or null when there is none or the execution did not succeed
   * @param startDate the start, or null to take the first event's time
   */
  public record ExecutionView(String executionArn, String stateMachineName, String status, boolean running,
      Duration elapsed, String error, String cause, JsonNode output, Instant startDate, ExecutionHistory history) {}

  /** The execution's name: the last part of its ARN. */
  public static String executionName(String arn) {
    int colon = arn.lastIndexOf(':');
    return colon < 0 ? arn : arn.substring(colon + 1);
  }

  /** {@code execution "name" of state machine "SM"} (without the state machine if unknown). */
  public static String describe(String executionArn, String stateMachineName) {
    String text = "execution " + Text.quote(executionName(executionArn));
    return stateMachineName == null ? text : text + " of state machine " + Text.quote(stateMachineName);
  }

  /** {@code Validate -> ChargeCard (failed after 3 attempts: States.TaskFailed) -> HandleError}. */
  public static String path(ExecutionHistory history) {
    List<StateVisit> top = history.topLevelVisits();
    if (top.isEmpty()) {
      return "(no state entered)";
    }
    return join(top);
  }

  private static String join(List<StateVisit> visits) {
    StringJoiner joiner = new StringJoiner(" -> ");
    for (StateVisit visit : visits) {
      joiner.add(label(visit));
    }
    return joiner.toString();
  }

  /** One state of the path: its name, nested path and annotations. */
  public static String label(StateVisit visit) {
    StringBuilder out = new StringBuilder(visit.name());
    String type = visit.stateType();
    if (type.equals("Map")) {
      out.append(" {").append(mapSummary(visit)).append('}');
    } else if (type.equals("Parallel") && !visit.children().isEmpty()) {
      Map<Integer, List<StateVisit>> branches = new TreeMap<>();
      long lastStart = 0;
      for (HistoryEvent event : visit.events()) {
        if (event.type() == HistoryEventType.PARALLEL_STATE_STARTED) {
          lastStart = event.id();
        }
      }
      for (StateVisit child : visit.children()) {
        if (child.enteredEvent().id() < lastStart) {
          continue; // an earlier attempt's branches
        }
        branches
            .computeIfAbsent(child.parallelBranch().orElse(-1), k -> new ArrayList<>())
            .add(child);
      }
      StringJoiner joiner = new StringJoiner(" | ", " {", "}");
      branches.values().forEach(b -> joiner.add(join(b)));
      out.append(joiner);
    }
    String note = annotation(visit);
    if (!note.isEmpty()) {
      out.append(" (").append(note).append(')');
    }
    return out.toString();
  }

  private static String mapSummary(StateVisit visit) {
    List<MapIteration> iterations = visit.lastAttemptIterations();
    int failed = 0;
    Set<String> inner = new LinkedHashSet<>();
    for (MapIteration iteration : iterations) {
      if (iteration.status() == MapIteration.Status.FAILED) {
        failed++;
      }
      inner.addAll(iteration.visitedStates());
    }
    StringBuilder out = new StringBuilder();
    out.append(iterations.size()).append(iterations.size() == 1 ? " iteration" : " iterations");
    if (failed > 0) {
      out.append(", ").append(failed).append(" failed");
    }
    if (!inner.isEmpty()) {
      out.append(": ").append(String.join(" -> ", inner));
    }
    return out.toString();
  }

  private static String annotation(StateVisit visit) {
    int attempts = visit.attempts();
    String error = visit.error().orElse(null);
    if (visit.enteredEvent().type() == HistoryEventType.FAIL_STATE_ENTERED) {
      return error == null ? "" : "Fail: " + error;
    }
    if (visit.failed()) {
      String text = attempts > 1 ? "failed after " + attempts + " attempts" : "failed";
      return error == null ? text : text + ": " + error;
    }
    if (attempts > 1) {
      return "succeeded after " + attempts + " attempts";
    }
    if (visit.exitedEvent().isEmpty()) {
      return "did not exit";
    }
    return "";
  }

  /**
   * A compact rendering of a whole execution: status, error, elapsed time, path and one line per
   * state entered with its start offset and duration.
   */
  public static String render(ExecutionView result) {
    StringBuilder out = new StringBuilder();
    String describe = describe(result.executionArn(), result.stateMachineName());
    out.append(Character.toUpperCase(describe.charAt(0))).append(describe.substring(1));
    out.append(": ").append(result.status());
    if (!result.running()) {
      out.append(" after ").append(Text.duration(result.elapsed()));
    }
    if (result.error() != null || result.cause() != null) {
      out.append("\n  error: ").append(Text.quote(result.error()));
      out.append("\n  cause: ").append(Text.quote(Text.abbreviate(result.cause(), 200)));
    }
    if (result.output() != null) {
      out.append("\n  output: ").append(Text.abbreviate(Json.write(result.output()), 200));
    }
    out.append("\nPath:\n  ").append(path(result.history()));
    List<StateVisit> visits = result.history().stateVisits();
    if (!visits.isEmpty()) {
      out.append("\nStates:");
      Instant start = result.startDate() != null ? result.startDate() : firstTimestamp(result.history());
      int shown = 0;
      for (StateVisit visit : visits) {
        if (shown == MAX_STATE_LINES) {
          out.append("\n  ... and ").append(visits.size() - shown).append(" more");
          break;
        }
        out.append("\n  ").append(stateLine(visit, start));
        shown++;
      }
    }
    return out.toString();
  }

  private static Instant firstTimestamp(ExecutionHistory history) {
    return history.events().isEmpty() ? Instant.EPOCH : history.events().get(0).timestamp();
  }

  private static String stateLine(StateVisit visit, Instant start) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (StateVisit p = visit.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
      depth++;
    }
    out.append("  ".repeat(depth)).append(visit.name());
    visit.mapIterationIndex().ifPresent(i -> out.append(" [").append(i).append(']'));
    Duration offset = Duration.between(start, visit.enteredEvent().timestamp());
    out.append("  +").append(Text.duration(offset)).append(", took ").append(Text.duration(visit.duration()));
    String note = annotation(visit);
    if (!note.isEmpty()) {
      out.append(", ").append(note);
    }
    return out.toString();
  }

  /** One line per event, each {@code #id Type [state] details}, cut after 25 events. */
  public static String events(ExecutionHistory history, List<HistoryEvent> events) {
    StringJoiner joiner = new StringJoiner("\n");
    int shown = 0;
    for (HistoryEvent event : events) {
      if (shown == MAX_EVENT_LINES) {
        joiner.add("  ... and " + (events.size() - shown) + " more");
        break;
      }
      joiner.add("  " + eventLine(history, event));
      shown++;
    }
    return events.isEmpty() ? "  (none)" : joiner.toString();
  }

  /** {@code #5 TaskFailed [Charge] error: "Exception", cause: "..."}. */
  public static String eventLine(ExecutionHistory history, HistoryEvent event) {
    StringBuilder out = new StringBuilder("#").append(event.id()).append(' ').append(event.type().awsName());
    history.ownerOf(event).ifPresent(owner -> out.append(" [").append(owner.name()).append(']'));
    StringJoiner details = new StringJoiner(", ");
    event.details().ifPresent(d -> {
      for (String field : List.of("index", "resource", "error", "cause", "parameters", "input", "output")) {
        if (d.hasNonNull(field)) {
          String value = d.get(field).isTextual() && !field.equals("error") && !field.equals("cause") && !field.equals("resource")
              ? d.get(field).asText()
              : d.get(field).isTextual() ? Text.quote(d.get(field).asText()) : d.get(field).toString();
          details.add(field + ": " + Text.abbreviate(value, 80));
        }
      }
    });
    if (details.length() > 0) {
      out.append(' ').append(details);
    }
    return out.toString();
  }
}
