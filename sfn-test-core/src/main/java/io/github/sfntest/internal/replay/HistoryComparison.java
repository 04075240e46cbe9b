package io.github.sfntest.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a replayed history with its recording: the states entered (path), their inputs, the
 * parameters tasks sent, the states' outputs, then the execution's status and result. Branches of
 * Map and Parallel states interleave differently from run to run, so steps are matched in order
 * where possible and otherwise anywhere: the divergence is the first recorded step the replay has
 * nowhere, or the first replayed step the recording has nowhere.
 */
public final class HistoryComparison {

  private enum StepKind { ENTERED, PARAMETERS, EXITED }

  /** What differs (the public {@code Divergence.Kind} has the same constants). */
  public enum Kind { PATH, INPUT, PARAMETERS, OUTPUT, STATUS, RESULT }

  /** The first difference: what, in which state (or null), both values, the states entered before it. */
  public record Divergence(Kind kind, String stateName, JsonNode recorded, JsonNode replayed, List<String> pathBefore,
      String description) {}

  private record Step(StepKind kind, String state, JsonNode value) {}

  /** How an execution ended: status and output or error/cause. */
  public record Ending(String status, JsonNode output, String error, String cause) {}

  private final LegitimateDifferences legitimate;

  public HistoryComparison(LegitimateDifferences legitimate) {
    this.legitimate = Objects.requireNonNull(legitimate, "legitimate");
  }

  /** The first divergence of {@code replayed} from {@code recorded}, or empty when they match. */
  public Optional<Divergence> compare(List<? extends JsonNode> recorded, Ending recordedEnding,
      List<? extends JsonNode> replayed, Ending replayedEnding) {
    List<Step> expected = steps(recorded);
    List<Step> actual = steps(replayed);
    Optional<Divergence> inSteps = compareSteps(expected, actual);
    if (inSteps.isPresent()) {
      return inSteps;
    }
    return compareEndings(recordedEnding, replayedEnding, entered(expected, expected.size()));
  }

  private Optional<Divergence> compareSteps(List<Step> expected, List<Step> actual) {
    Map<String, List<Integer>> unmatched = new LinkedHashMap<>();
    for (int i = 0; i < actual.size(); i++) {
      unmatched.computeIfAbsent(key(actual.get(i)), k -> new ArrayList<>()).add(i);
    }
    boolean[] used = new boolean[actual.size()];
    for (int i = 0; i < expected.size(); i++) {
      Step step = expected.get(i);
      // In order first: the replayed step at the same position, when it is the same step.
      if (i < actual.size() && !used[i] && same(step, actual.get(i))) {
        used[i] = true;
        unmatched.get(key(actual.get(i))).remove(Integer.valueOf(i));
        continue;
      }
      List<Integer> candidates = unmatched.getOrDefault(key(step), List.of());
      Integer match = null;
      for (Integer c : candidates) {
        if (same(step, actual.get(c))) {
          match = c;
          break;
        }
      }
      if (match != null) {
        used[match] = true;
        candidates.remove(match);
        continue;
      }
      Step counterpart = candidates.isEmpty() ? null : actual.get(candidates.get(0));
      return Optional.of(divergence(step, counterpart, firstUnused(actual, used, i), entered(expected, i)));
    }
    for (int j = 0; j < actual.size(); j++) {
      if (!used[j]) {
        Step extra = actual.get(j);
        return Optional.of(new Divergence(Kind.PATH, extra.state(), null, extra.value(), entered(expected, expected.size()),
            "path: the replay " + verb(extra.kind()) + " \"" + extra.state() + "\" where the recording has nothing more"
                + " (the recording ended or took another branch)"));
      }
    }
    return Optional.empty();
  }

  private static Step firstUnused(List<Step> actual, boolean[] used, int from) {
    for (int j = Math.min(from, actual.size()); j < actual.size(); j++) {
      if (!used[j]) {
        return actual.get(j);
      }
    }
    for (int j = 0; j < actual.size(); j++) {
      if (!used[j]) {
        return actual.get(j);
      }
    }
    return null;
  }

  private Divergence divergence(Step recorded, Step sameState, Step next, List<String> before) {
    String state = recorded.state();
    switch (recorded.kind()) {
      case ENTERED -> {
        if (sameState != null) {
          return new Divergence(Kind.INPUT, state, recorded.value(), sameState.value(), before,
              "input of \"" + state + "\" differs");
        }
        return new Divergence(Kind.PATH, state, text(state), next == null ? null : text(describe(next)), before,
            "path: the recording entered \"" + state + "\", the replay "
                + (next == null ? "had ended" : verb(next.kind()) + " \"" + next.state() + "\""));
      }
      case PARAMETERS -> {
        return new Divergence(Kind.PARAMETERS, state, recorded.value(), sameState == null ? null : sameState.value(), before,
            sameState == null ? "\"" + state + "\" did not call its integration in the replay"
                : "parameters \"" + state + "\" sent to its integration differ");
      }
      default -> {
        return new Divergence(Kind.OUTPUT, state, recorded.value(), sameState == null ? null : sameState.value(), before,
            sameState == null ? "\"" + state + "\" did not leave in the replay"
                + (next == null ? " (the execution ended there)" : " (next in the replay: " + describe(next) + ")")
                : "output of \"" + state + "\" differs");
      }
    }
  }

  private Optional<Divergence> compareEndings(Ending recorded, Ending replayed, List<String> path) {
    if (recorded.status() == null || recorded.status().equals("RUNNING")) {
      return Optional.empty(); // a recording of an execution still running has no ending to compare
    }
    if (!recorded.status().equals(replayed.status())) {
      return Optional.of(new Divergence(Kind.STATUS, null, text(recorded.status()), text(replayed.status()), path,
          "status: the recording ended " + recorded.status() + ", the replay " + replayed.status()));
    }
    if ("SUCCEEDED".equals(recorded.status())) {
      if (!legitimate.same(recorded.output(), replayed.output())) {
        return Optional.of(new Divergence(Kind.RESULT, null, recorded.output(), replayed.output(), path,
            "the execution output differs"));
      }
      return Optional.empty();
    }
    if (!Objects.equals(recorded.error(), replayed.error())
        || !legitimate.same(textOrNull(recorded.cause()), textOrNull(replayed.cause()))) {
      return Optional.of(new Divergence(Kind.RESULT, null, errorCause(recorded), errorCause(replayed), path,
          "the execution's error or cause differs"));
    }
    return Optional.empty();
  }

  private static JsonNode errorCause(Ending ending) {
    var node = io.github.sfntest.internal.json.Json.NODES.objectNode();
    node.put("error", ending.error());
    node.put("cause", ending.cause());
    return node;
  }

  private static JsonNode textOrNull(String s) {
    return s == null ? null : text(s);
  }

  private static JsonNode text(String s) {
    return io.github.sfntest.internal.json.Json.NODES.textNode(s);
  }

  private boolean same(Step a, Step b) {
    return a.kind() == b.kind() && a.state().equals(b.state()) && legitimate.same(a.value(), b.value());
  }

  private static String key(Step step) {
    return step.kind() + " " + step.state();
  }

  private static String verb(StepKind kind) {
    return switch (kind) {
      case ENTERED -> "entered";
      case PARAMETERS -> "called the integration of";
      case EXITED -> "left";
    };
  }

  private static String describe(Step step) {
    return verb(step.kind()) + " \"" + step.state() + "\"";
  }

  private static List<String> entered(List<Step> steps, int before) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < before && i < steps.size(); i++) {
      if (steps.get(i).kind() == StepKind.ENTERED) {
        names.add(steps.get(i).state());
      }
    }
    return names;
  }

  private static List<Step> steps(List<? extends JsonNode> events) {
    Map<Long, JsonNode> byId = Events.byId(events);
    List<Step> steps = new ArrayList<>();
    String lastEntered = null;
    for (JsonNode event : events) {
      String type = Events.type(event);
      JsonNode details = Events.details(event);
      if (Events.isStateEntered(type)) {
        lastEntered = Events.stateName(event);
        steps.add(new Step(StepKind.ENTERED, lastEntered, Events.payload(details, "input")));
      } else if (Events.isStateExited(type)) {
        steps.add(new Step(StepKind.EXITED, Events.stateName(event), Events.payload(details, "output")));
      } else if (type.equals("TaskScheduled") || type.equals("LambdaFunctionScheduled") || type.equals("ActivityScheduled")) {
        String owner = Events.owner(event, byId);
        JsonNode sent = Events.payload(details, type.equals("TaskScheduled") ? "parameters" : "input");
        steps.add(new Step(StepKind.PARAMETERS, owner != null ? owner : String.valueOf(lastEntered), sent));
      }
    }
    return steps;
  }

  /** How the recorded execution ended, from its terminal event; status RUNNING when it has none. */
  public static Ending ending(List<? extends JsonNode> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      JsonNode event = events.get(i);
      String type = Events.type(event);
      JsonNode details = Events.details(event);
      String status = switch (type) {
        case "ExecutionSucceeded" -> "SUCCEEDED";
        case "ExecutionFailed" -> "FAILED";
        case "ExecutionTimedOut" -> "TIMED_OUT";
        case "ExecutionAborted" -> "ABORTED";
        default -> null;
      };
      if (status != null) {
        JsonNode cause = details.get("cause");
        return new Ending(status, status.equals("SUCCEEDED") ? Events.payload(details, "output") : null,
            details.hasNonNull("error") ? details.get("error").asText() : null,
            cause == null || cause.isNull() ? null : cause.isTextual() ? cause.asText() : io.github.sfntest.internal.json.Json.write(cause));
      }
    }
    return new Ending("RUNNING", null, null, null);
  }

}
