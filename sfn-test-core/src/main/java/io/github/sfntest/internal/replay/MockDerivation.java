package io.github.sfntest.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the integrations answered in a recorded history, per state and attempt, as MockConfigFile
 * responses.
 *
 * <p>Each {@code TaskSucceeded}, {@code LambdaFunctionSucceeded} or {@code ActivitySucceeded} is a
 * {@code Return} of its output (for a {@code .waitForTaskToken} task that is the callback result,
 * for {@code states:startExecution.sync} the child execution's description); each integration
 * {@code *Failed}, {@code *TimedOut}, {@code *StartFailed} or {@code *SubmitFailed} is a {@code
 * Throw} of its error and cause ({@code States.Timeout} makes the engine time the task out, at the
 * task's timeout or heartbeat). Answers are numbered per state in history order, so retries and
 * Map/Parallel iterations get {@code "0"}, {@code "1"}, ... exactly as the engine counts
 * invocations. The state that owns an answer is found by following {@code previousEventId} back to
 * its {@code *StateEntered} event, or, where a recording normalised the ids away, the state entered
 * last. Children of a Distributed Map run as separate executions whose answers are not in the parent
 * history; their histories can be replayed on their own.
 */
public final class MockDerivation {

  private final Map<String, List<ObjectNode>> answers;

  private MockDerivation(Map<String, List<ObjectNode>> answers) {
    this.answers = answers;
  }

  public static MockDerivation of(List<ObjectNode> events) {
    Map<Long, JsonNode> byId = Events.byId(events);
    Map<String, List<ObjectNode>> answers = new LinkedHashMap<>();
    String lastEntered = null;
    for (JsonNode event : events) {
      String type = Events.type(event);
      if (Events.isStateEntered(type)) {
        lastEntered = Events.stateName(event);
      }
      boolean success = Events.isTaskSuccess(type);
      if (!success && !Events.isTaskFailure(type)) {
        continue;
      }
      String owner = Events.owner(event, byId);
      if (owner == null) {
        owner = lastEntered;
      }
      if (owner == null) {
        continue; // an answer before any state: nothing can ask for it
      }
      JsonNode details = Events.details(event);
      ObjectNode entry = Json.NODES.objectNode();
      if (success) {
        JsonNode output = Events.payload(details, "output");
        entry.set("Return", output == null ? Json.NODES.nullNode() : output);
      } else {
        ObjectNode thrown = entry.putObject("Throw");
        if (details.hasNonNull("error")) {
          thrown.put("Error", details.get("error").asText());
        }
        if (details.hasNonNull("cause")) {
          JsonNode cause = details.get("cause");
          // Anonymised recordings hold JSON causes parsed; give them back as the text a Lambda runtime sends.
          thrown.put("Cause", cause.isTextual() ? cause.asText() : PythonJson.write(cause));
        }
      }
      answers.computeIfAbsent(owner, k -> new ArrayList<>()).add(entry);
    }
    return new MockDerivation(answers);
  }

  /** True when the history holds no integration answer. */
  public boolean isEmpty() {
    return answers.isEmpty();
  }

  /** State name → its answers in invocation order ({@code {"Return": ...}} or {@code {"Throw": ...}}). */
  public Map<String, List<ObjectNode>> answers() {
    return answers;
  }

  /**
   * The answers as a MockConfigFile with one state machine and one test case; each state's
   * response is named {@code Mock_<StateName>}.
   */
  public ObjectNode mockConfigFile(String stateMachineName, String testCaseName) {
    ObjectNode root = Json.NODES.objectNode();
    ObjectNode testCase = root.putObject("StateMachines").putObject(stateMachineName).putObject("TestCases")
        .putObject(testCaseName);
    ObjectNode responses = root.putObject("MockedResponses");
    for (Map.Entry<String, List<ObjectNode>> e : answers.entrySet()) {
      String name = "Mock_" + e.getKey();
      testCase.put(e.getKey(), name);
      ObjectNode numbered = responses.putObject(name);
      List<ObjectNode> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        numbered.set(Integer.toString(i), list.get(i));
      }
    }
    return root;
  }

  /** For messages: how many answers for how many states. */
  public String summary() {
    int total = 0;
    for (Iterator<List<ObjectNode>> it = answers.values().iterator(); it.hasNext(); ) {
      total += it.next().size();
    }
    return total + " answer" + (total == 1 ? "" : "s") + " for " + answers.size() + " state" + (answers.size() == 1 ? "" : "s");
  }
}
