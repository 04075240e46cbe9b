package io.github.sfntest.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.mock.TaskOutcome;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * TestState: runs one state on its own. The state is wrapped in a state machine whose transition
 * targets are Succeed placeholders, run on the in-process engine; its Retry is left out and
 * reported as {@code RETRIABLE} when it would match, as AWS does. A Task state is answered by the
 * request's {@code mock} ({@code result} or {@code errorOutput}); without one it fails, since
 * this endpoint calls no AWS service.
 */
final class TestStateAction {

  private static final String TESTED = "__TestState__";

  private TestStateAction() {}

  static ObjectNode run(Req r, EngineOptions options) {
    String definitionText = r.required("definition", 1_048_576);
    r.str("roleArn");
    String input = r.str("input", EngineOptions.AWS_MAX_PAYLOAD_BYTES);
    String level = r.oneOf("inspectionLevel", List.of("INFO", "DEBUG", "TRACE"), "INFO");
    r.bool("revealSecrets", false);
    ObjectNode mock = r.object("mock");
    JsonNode state;
    try {
      state = Json.parse(definitionText);
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
    }
    if (!state.isObject() || !state.path("Type").isTextual()) {
      throw new ApiException("InvalidDefinition",
          "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: the definition must be one state, an object with a \"Type\"'");
    }
    JsonNode inputJson;
    try {
      inputJson = Json.parse(input == null ? "{}" : input);
    } catch (IllegalArgumentException e) {
      throw new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
    }
    ObjectNode tested = ((ObjectNode) state).deepCopy();
    JsonNode retry = tested.remove("Retry");
    Set<String> targets = new LinkedHashSet<>();
    collectTargets(tested, targets);
    ObjectNode machine = Json.NODES.objectNode();
    JsonNode ql = tested.get("QueryLanguage");
    if (ql != null) {
      machine.set("QueryLanguage", ql);
    }
    machine.put("StartAt", TESTED);
    ObjectNode states = machine.putObject("States");
    states.set(TESTED, tested);
    for (String t : targets) {
      ObjectNode placeholder = states.putObject(t);
      placeholder.put("Type", "Succeed");
      if (ql != null) {
        placeholder.set("QueryLanguage", ql);
      }
    }
    StateMachineDefinition definition;
    try {
      definition = StateMachineDefinition.of("TestState", Json.write(machine));
    } catch (InvalidDefinitionException e) {
      throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: '"
          + e.getMessage().replace(TESTED, "") + "'");
    }
    TaskHandler handler = mockHandler(mock);
    ExecutionResult result;
    try (Engine engine = Engine.inProcess(options)) {
      result = engine.run(StartRequest.of(definition, inputJson).withTaskHandler(handler));
    } catch (IllegalStateException e) {
      throw ApiException.validation("TestState cannot run this state: " + e.getMessage());
    }
    ObjectNode out = Json.NODES.objectNode();
    List<HistoryEvent> events = result.history().events();
    String nextState = null;
    JsonNode stateOutput = null;
    String error = null;
    String cause = null;
    boolean exited = false;
    for (HistoryEvent e : events) {
      if (e.type().isStateExited() && e.stateName().orElse("").equals(TESTED)) {
        exited = true;
        stateOutput = e.output().orElse(null);
      } else if (exited && e.type().isStateEntered() && nextState == null) {
        nextState = e.stateName().orElse(null);
      } else if (!exited && e.error().isPresent() && e.type().name().endsWith("FAILED")) {
        error = e.error().orElse(null);
        cause = e.cause().orElse(null);
      }
    }
    String status;
    if (result.status() == ExecutionStatus.SUCCEEDED && exited) {
      status = error != null ? "CAUGHT_ERROR" : "SUCCEEDED";
      if (stateOutput != null) {
        out.put("output", Json.write(stateOutput));
      }
      if (nextState != null) {
        out.put("nextState", nextState);
      }
    } else if (result.status() == ExecutionStatus.SUCCEEDED) {
      status = "SUCCEEDED";
      result.output().ifPresent(o -> out.put("output", Json.write(o)));
    } else {
      error = result.error().orElse(error);
      cause = result.cause().orElse(cause);
      status = retry != null && retries(retry, error) ? "RETRIABLE" : "FAILED";
    }
    if (status.equals("CAUGHT_ERROR") && retry != null && retries(retry, error)) {
      status = "RETRIABLE";
    }
    out.put("status", status);
    if (error != null && !status.equals("SUCCEEDED")) {
      out.put("error", error);
    }
    if (cause != null && !status.equals("SUCCEEDED")) {
      out.put("cause", cause);
    }
    if (!level.equals("INFO")) {
      ObjectNode inspection = out.putObject("inspectionData");
      inspection.put("input", Json.write(inputJson));
      if (stateOutput != null) {
        inspection.put("afterResultPath", Json.write(stateOutput));
      }
    }
    return out;
  }

  private static void collectTargets(JsonNode state, Set<String> targets) {
    addText(state.get("Next"), targets);
    addText(state.get("Default"), targets);
    for (String list : new String[] {"Choices", "Catch"}) {
      JsonNode items = state.get(list);
      if (items instanceof ArrayNode a) {
        for (JsonNode item : a) {
          addText(item.get("Next"), targets);
        }
      }
    }
    targets.remove(TESTED);
  }

  private static void addText(JsonNode node, Set<String> targets) {
    if (node != null && node.isTextual()) {
      targets.add(node.asText());
    }
  }

  private static boolean retries(JsonNode retry, String error) {
    if (error == null || !retry.isArray()) {
      return false;
    }
    for (JsonNode retrier : retry) {
      if (retrier.path("MaxAttempts").asInt(3) == 0) {
        continue;
      }
      for (JsonNode e : retrier.path("ErrorEquals")) {
        String name = e.asText();
        if (name.equals(error) || name.equals("States.ALL")
            || (name.equals("States.TaskFailed") && !error.startsWith("States."))) {
          return true;
        }
      }
    }
    return false;
  }

  private static TaskHandler mockHandler(ObjectNode mock) {
    if (mock == null) {
      return invocation -> new TaskOutcome.NotHandled(
          "TestState on the sfn-test endpoint calls no AWS service: pass \"mock\": {\"result\": \"<JSON>\"} or "
              + "{\"errorOutput\": {\"error\": ..., \"cause\": ...}}");
    }
    JsonNode result = mock.get("result");
    if (result != null && result.isTextual()) {
      JsonNode parsed;
      try {
        parsed = Json.parse(result.asText());
      } catch (IllegalArgumentException e) {
        throw ApiException.validation("mock.result is not valid JSON: " + e.getMessage());
      }
      return invocation -> TaskOutcome.success(parsed);
    }
    JsonNode err = mock.get("errorOutput");
    if (err != null && err.isObject()) {
      String error = err.path("error").isTextual() ? err.path("error").asText() : null;
      String cause = err.path("cause").isTextual() ? err.path("cause").asText() : null;
      return invocation -> TaskOutcome.failure(error, cause);
    }
    throw ApiException.validation("mock must have \"result\" (a JSON string) or \"errorOutput\" (an object)");
  }
}
