package io.github.sfntest.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded answers as the replay's task handler. A state's invocation gets the first unused
 * recorded answer whose call had the same parameters (up to {@link LegitimateDifferences}), so Map
 * iterations and Parallel branches that ran in another order on AWS still get their own answers;
 * when no recorded call has those parameters (the definition changed them), the next unused answer
 * in history order. An invocation beyond the recorded ones is not handled: the engine fails the
 * execution, or leaves a callback task waiting, and the replay reports the divergence.
 */
public final class RecordedAnswers implements TaskHandler {

  private record Answer(JsonNode parameters, ObjectNode response) {}

  private final Map<String, List<Answer>> answers;
  private final Map<String, boolean[]> used = new LinkedHashMap<>();
  private final LegitimateDifferences legitimate;

  private RecordedAnswers(Map<String, List<Answer>> answers, LegitimateDifferences legitimate) {
    this.answers = answers;
    this.legitimate = legitimate;
    answers.forEach((state, list) -> used.put(state, new boolean[list.size()]));
  }

  public static RecordedAnswers of(List<ObjectNode> events, LegitimateDifferences legitimate) {
    Map<Long, JsonNode> byId = Events.byId(events);
    MockDerivation derived = MockDerivation.of(events);
    // The parameters of each state's calls, in history order, to pair with the derived answers.
    Map<String, List<JsonNode>> calls = new LinkedHashMap<>();
    Map<String, List<JsonNode>> sentBefore = new LinkedHashMap<>();
    String lastEntered = null;
    for (JsonNode event : events) {
      String type = Events.type(event);
      if (Events.isStateEntered(type)) {
        lastEntered = Events.stateName(event);
      } else if (type.equals("TaskScheduled") || type.equals("LambdaFunctionScheduled") || type.equals("ActivityScheduled")) {
        String owner = Events.owner(event, byId);
        JsonNode sent = Events.payload(Events.details(event), type.equals("TaskScheduled") ? "parameters" : "input");
        sentBefore.computeIfAbsent(owner != null ? owner : String.valueOf(lastEntered), k -> new ArrayList<>()).add(sent);
      } else if (Events.isTaskSuccess(type) || Events.isTaskFailure(type)) {
        String owner = Events.owner(event, byId);
        String state = owner != null ? owner : String.valueOf(lastEntered);
        JsonNode sent = scheduledBefore(event, byId);
        if (sent == null) {
          List<JsonNode> pending = sentBefore.getOrDefault(state, List.of());
          sent = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        }
        calls.computeIfAbsent(state, k -> new ArrayList<>()).add(sent);
      }
    }
    Map<String, List<Answer>> answers = new LinkedHashMap<>();
    derived.answers().forEach((state, responses) -> {
      List<JsonNode> sent = calls.getOrDefault(state, List.of());
      List<Answer> list = new ArrayList<>();
      for (int i = 0; i < responses.size(); i++) {
        list.add(new Answer(i < sent.size() ? sent.get(i) : null, responses.get(i)));
      }
      answers.put(state, list);
    });
    return new RecordedAnswers(answers, legitimate);
  }

  /** The parameters of the {@code *Scheduled} event an outcome follows, by {@code previousEventId}. */
  private static JsonNode scheduledBefore(JsonNode event, Map<Long, JsonNode> byId) {
    long previous = Events.previousId(event);
    for (int hops = 0; previous > 0 && hops <= byId.size(); hops++) {
      JsonNode before = byId.get(previous);
      if (before == null) {
        return null;
      }
      String type = Events.type(before);
      if (type.equals("TaskScheduled")) {
        return Events.payload(Events.details(before), "parameters");
      }
      if (type.equals("LambdaFunctionScheduled") || type.equals("ActivityScheduled")) {
        return Events.payload(Events.details(before), "input");
      }
      if (Events.isStateEntered(type)) {
        return null;
      }
      previous = Events.previousId(before);
    }
    return null;
  }

  @Override
  public synchronized TaskOutcome invoke(TaskInvocation invocation) {
    List<Answer> list = answers.get(invocation.stateName());
    if (list == null) {
      return new TaskOutcome.NotHandled("the recording has no call of state '" + invocation.stateName()
          + "' (states it has answers for: " + answers.keySet() + ")");
    }
    boolean[] taken = used.get(invocation.stateName());
    int chosen = -1;
    for (int i = 0; i < list.size() && chosen < 0; i++) {
      if (!taken[i] && list.get(i).parameters() != null && legitimate.same(list.get(i).parameters(), invocation.parameters())) {
        chosen = i;
      }
    }
    for (int i = 0; i < list.size() && chosen < 0; i++) {
      if (!taken[i]) {
        chosen = i;
      }
    }
    if (chosen < 0) {
      return new TaskOutcome.NotHandled("the recording has " + list.size() + " answer" + (list.size() == 1 ? "" : "s")
          + " of state '" + invocation.stateName() + "', all used; this is call " + (invocation.invocationIndex() + 1));
    }
    taken[chosen] = true;
    ObjectNode response = list.get(chosen).response();
    if (response.has("Return")) {
      return new TaskOutcome.Success(response.get("Return"), Duration.ZERO);
    }
    JsonNode thrown = response.path("Throw");
    return new TaskOutcome.Failure(thrown.hasNonNull("Error") ? thrown.get("Error").asText() : null,
        thrown.hasNonNull("Cause") ? thrown.get("Cause").asText() : null, Duration.ZERO);
  }
}
