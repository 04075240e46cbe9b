package io.github.sfntest.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import io.github.sfntest.s3.InMemoryS3;
import java.util.Objects;

/** What to start: the definition, the input, and what answers its tasks. */
public final class StartRequest {

  private final StateMachineDefinition definition;
  private final JsonNode input;
  private final TaskHandler taskHandler;
  private final String executionName;
  private final InMemoryS3 s3;

  private StartRequest(StateMachineDefinition definition, JsonNode input, TaskHandler taskHandler, String executionName) {
    this(definition, input, taskHandler, executionName, null);
  }

  private StartRequest(StateMachineDefinition definition, JsonNode input, TaskHandler taskHandler, String executionName,
      InMemoryS3 s3) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.input = Objects.requireNonNull(input, "input");
    this.taskHandler = Objects.requireNonNull(taskHandler, "taskHandler");
    this.executionName = executionName;
    this.s3 = s3;
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
    return new StartRequest(definition, input, handler, executionName, s3);
  }

  public StartRequest withExecutionName(String name) {
    return new StartRequest(definition, input, taskHandler, name, s3);
  }

  /**
   * The same request with Distributed Map {@code ItemReader}s reading from, and {@code
   * ResultWriter}s writing to, {@code s3}. Without it, a reader's S3 call goes to the task handler
   * (mock it like a Task with the reader's Resource) and writers write to a private fixture.
   */
  public StartRequest withS3(InMemoryS3 s3) {
    return new StartRequest(definition, input, taskHandler, executionName, Objects.requireNonNull(s3, "s3"));
  }

  /** The S3 fixture of Distributed Map readers and writers, or null. */
  public InMemoryS3 s3() {
    return s3;
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
