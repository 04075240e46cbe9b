package io.github.sfntest.internal.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.teststate.TestStateException;
import io.github.sfntest.teststate.TestStateRequest;
import java.util.LinkedHashSet;
import java.util.Set;

/** The state a request tests: its JSON, type, query language and Retry, found in the definition. */
final class TestedState {

  final String name;
  final ObjectNode state;
  final String type;
  final String queryLanguage;
  final JsonNode retry;

  private TestedState(String name, ObjectNode state, String queryLanguage) {
    this.name = name;
    this.state = state;
    this.type = state.path("Type").asText("");
    this.queryLanguage = state.path("QueryLanguage").isTextual() ? state.get("QueryLanguage").asText() : queryLanguage;
    this.retry = state.get("Retry");
  }

  boolean jsonata() {
    return "JSONata".equals(queryLanguage);
  }

  boolean isMapOrParallel() {
    return type.equals("Map") || type.equals("Parallel");
  }

  static TestedState locate(TestStateRequest request) {
    String stateName = request.stateName().orElse(null);
    if (stateName != null && stateName.isEmpty()) {
      throw new TestStateException("ValidationException",
          "1 validation error detected: Value at 'stateName' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    JsonNode root;
    try {
      root = Json.parse(request.definition());
    } catch (IllegalArgumentException e) {
      throw new TestStateException("InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
    }
    if (!root.isObject()) {
      throw invalid("SCHEMA_VALIDATION_FAILED: the definition must be a JSON object: one state or a state machine");
    }
    if (root.has("States")) {
      validated("TestState", request.definition());
      if (stateName == null) {
        throw new TestStateException("ValidationException",
            "stateName is required when the definition is a state machine");
      }
      String ql = root.path("QueryLanguage").isTextual() ? root.get("QueryLanguage").asText() : null;
      TestedState found = find(root, stateName, ql);
      if (found == null) {
        throw new TestStateException("ValidationException", "State not found in definition");
      }
      return found;
    }
    if (!root.path("Type").isTextual()) {
      throw invalid("SCHEMA_VALIDATION_FAILED: the definition must be one state (an object with a \"Type\") or a state machine");
    }
    return new TestedState(TestStateRunner.TESTED, (ObjectNode) root, null);
  }

  private static TestedState find(JsonNode machine, String name, String ql) {
    JsonNode states = machine.get("States");
    if (states == null || !states.isObject()) {
      return null;
    }
    JsonNode direct = states.get(name);
    if (direct instanceof ObjectNode o) {
      return new TestedState(name, o, ql);
    }
    for (JsonNode state : states) {
      String inner = state.path("QueryLanguage").isTextual() ? state.get("QueryLanguage").asText() : ql;
      for (String processor : new String[] {"ItemProcessor", "Iterator"}) {
        TestedState f = find(state.path(processor), name, inner);
        if (f != null) {
          return f;
        }
      }
      for (JsonNode branch : state.path("Branches")) {
        TestedState f = find(branch, name, inner);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /** The definition, or AWS's InvalidDefinition listing each error with its code and JSON pointer. */
  static StateMachineDefinition validated(String name, String text) {
    try {
      return StateMachineDefinition.of(name, text);
    } catch (InvalidDefinitionException e) {
      StringBuilder sb = new StringBuilder();
      for (Diagnostic d : e.diagnostics()) {
        if (d.isError()) {
          sb.append(sb.length() == 0 ? "" : "\n").append(d.code()).append(": ").append(d.message())
              .append(" at ").append(d.pointer().isEmpty() ? "/" : d.pointer());
        }
      }
      throw invalid(sb.length() == 0 ? e.getMessage() : sb.toString());
    }
  }

  private static TestStateException invalid(String detail) {
    return new TestStateException("InvalidDefinition", "Invalid State Machine Definition: '" + detail + "'");
  }

  /** The states the tested state can go to. */
  Set<String> targets() {
    Set<String> targets = new LinkedHashSet<>();
    add(state.get("Next"), targets);
    add(state.get("Default"), targets);
    for (String list : new String[] {"Choices", "Catch"}) {
      for (JsonNode item : state.path(list)) {
        add(item.get("Next"), targets);
      }
    }
    return targets;
  }

  private static void add(JsonNode node, Set<String> targets) {
    if (node != null && node.isTextual()) {
      targets.add(node.asText());
    }
  }
}
