package io.github.sfntest.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import java.util.Objects;

/** What to start: the definition, the input, and what answers its tasks. */
public final class StartRequest {

  private final StateMachineDefinition definition;
  private final JsonNode input;
  private final TaskHandler taskHandler;
  private final String executionName;

  private StartRequest(StateMachineDefinition definition, JsonNode input, TaskHandler taskHandler, String executionName) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.input = Objects.requireNonNull(input, "input");
    this.taskHandler = Objects.requireNonNull(taskHandler, "taskHandler");
    this.executionName = executionName;
  }

  /** Starts {@code definition} with JSON {@code input} ("{}" when null) and no task handler. */
  public static StartRequest of(StateMachineDefinition definition, String input) {
    JsonNode parsed;
    try {
      parsed = Json.parse(input == null ? "{}" : input);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The execution input is not valid JSON: " + e.getMessage(), e);
    }
    return new StartRequest(definition, parsed, TaskHandler.none(), null);
  }

  public static StartRequest of(StateMachineDefinition definition, JsonNode input) {
    return new StartRequest(definition, input, TaskHandler.none(), null);
  }

  /** The same request with tasks answered by {@code handler} (mocks, local handlers). */
  public StartRequest withTaskHandler(TaskHandler handler) {
    return new StartRequest(definition, input, handler, executionName);
  }

  public StartRequest withExecutionName(String name) {
    return new StartRequest(definition, input, taskHandler, name);
  }

  public StateMachineDefinition definition() {
    return definition;
  }

  public JsonNode input() {
    return input;
  }

  public TaskHandler taskHandler() {
    return taskHandler;
  }

  /** The execution name, or null for a generated one. */
  public String executionName() {
    return executionName;
  }
}
