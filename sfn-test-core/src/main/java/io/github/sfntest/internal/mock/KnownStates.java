package io.github.sfntest.internal.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.text.NearMiss;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The states of the state machines a test declares (nested Parallel branches and Map processors
 * included), to reject a mock or a verification of a state that cannot ask a mock.
 */
public final class KnownStates {

  private final List<String> machines;
  private final Map<String, String> typeByState; // first definition wins for a name used twice

  private KnownStates(List<String> machines, Map<String, String> typeByState) {
    this.machines = machines;
    this.typeByState = typeByState;
  }

  /** The states of the definitions {@code sources} (machine name → ASL JSON). */
  public static KnownStates of(Map<String, JsonNode> sources) {
    Map<String, String> types = new LinkedHashMap<>();
    sources.values().forEach(root -> collect(root, types));
    return new KnownStates(List.copyOf(sources.keySet()), types);
  }

  private static void collect(JsonNode machine, Map<String, String> types) {
    Iterator<Map.Entry<String, JsonNode>> states = machine.path("States").properties().iterator();
    while (states.hasNext()) {
      Map.Entry<String, JsonNode> state = states.next();
      JsonNode body = state.getValue();
      types.putIfAbsent(state.getKey(), body.path("Type").asText(""));
      body.path("Branches").forEach(branch -> collect(branch, types));
      collect(body.path("ItemProcessor"), types);
      collect(body.path("Iterator"), types);
    }
  }

  /** The Task states, in definition order. */
  public List<String> taskStates() {
    List<String> tasks = new ArrayList<>();
    typeByState.forEach((name, type) -> {
      if (type.equals("Task")) {
        tasks.add(name);
      }
    });
    return tasks;
  }

  /**
   * Why {@code name} cannot ask a mock (no such state, or not a Task state), or empty if it is a
   * Task state of one of the machines.
   */
  public Optional<String> requireTask(String name) {
    String type = typeByState.get(name);
    if ("Task".equals(type)) {
      return Optional.empty();
    }
    List<String> tasks = taskStates();
    if (type != null) {
      return Optional.of("state \"" + name + "\" of " + describeMachines() + " is a " + type
          + " state; only Task states ask mocks. Task states: " + NearMiss.quotedList(tasks) + ".");
    }
    String hint = NearMiss.hint(name, tasks);
    return Optional.of("no state \"" + name + "\" in " + describeMachines()
        + (hint.isEmpty() ? "." : hint) + " Task states: " + NearMiss.quotedList(tasks) + ".");
  }

  private String describeMachines() {
    return machines.size() == 1
        ? "state machine \"" + machines.get(0) + "\""
        : "the state machines " + NearMiss.quotedList(machines);
  }
}
