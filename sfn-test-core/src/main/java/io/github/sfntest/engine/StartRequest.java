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
  private final String qualifier;
  private final StateMachineType type;
  private final boolean startedSync;

  private StartRequest(StateMachineDefinition definition, JsonNode input, TaskHandler taskHandler, String executionName) {
    this(definition, input, taskHandler, executionName, null, null, StateMachineType.STANDARD, false);
  }

  private StartRequest(StateMachineDefinition definition, JsonNode input, TaskHandler taskHandler, String executionName,
      InMemoryS3 s3, String qualifier, StateMachineType type, boolean startedSync) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.input = Objects.requireNonNull(input, "input");
    this.taskHandler = Objects.requireNonNull(taskHandler, "taskHandler");
    this.executionName = executionName;
    this.s3 = s3;
    this.qualifier = qualifier;
    this.type = Objects.requireNonNull(type, "type");
    this.startedSync = startedSync;
  }

  /**
   * Starts {@code definition} with JSON {@code input} ("{}" when null) and no task handler.
   *
   * @param definition the state machine to run
   * @param input the execution input as JSON text, or null for {@code {}}
   * @return a new request
   */
  public static StartRequest of(StateMachineDefinition definition, String input) {
    JsonNode parsed;
    try {
      parsed = Json.parse(input == null ? "{}" : input);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The execution input is not valid JSON: " + e.getMessage(), e);
    }
    return new StartRequest(definition, parsed, TaskHandler.none(), null);
  }

  /**
   * Starts {@code definition} with {@code input} and no task handler.
   *
   * @param definition the state machine to run
   * @param input the execution input
   * @return a new request
   */
  public static StartRequest of(StateMachineDefinition definition, JsonNode input) {
    return new StartRequest(definition, input, TaskHandler.none(), null);
  }

  /**
   * The same request with tasks answered by {@code handler} (mocks, local handlers).
   *
   * @param handler what answers the execution's tasks
   * @return a new request; this one is unchanged
   */
  public StartRequest withTaskHandler(TaskHandler handler) {
    return new StartRequest(definition, input, handler, executionName, s3, qualifier, type, startedSync);
  }

  /**
   * The same request with a fixed execution name (AWS's rules: 1 to 80 characters), instead of a
   * generated one.
   *
   * @param name the execution name
   * @return a new request; this one is unchanged
   */
  public StartRequest withExecutionName(String name) {
    return new StartRequest(definition, input, taskHandler, name, s3, qualifier, type, startedSync);
  }

  /**
   * The same request with Distributed Map {@code ItemReader}s reading from, and {@code
   * ResultWriter}s writing to, {@code s3}. Without it, a reader's S3 call goes to the task handler
   * (mock it like a Task with the reader's Resource) and writers write to a private fixture.
   *
   * @param s3 the in-memory S3 fixture
   * @return a new request; this one is unchanged
   */
  public StartRequest withS3(InMemoryS3 s3) {
    return new StartRequest(definition, input, taskHandler, executionName, Objects.requireNonNull(s3, "s3"), qualifier, type, startedSync);
  }

  /**
   * The same request started on version {@code version} of the definition's state machine, which
   * the engine was given with {@link Engine#publishVersion}: that version's definition runs, and
   * {@code $$.StateMachine.Id} is the version ARN ({@code ...:stateMachine:NAME:N}).
   *
   * @param version a version number {@link Engine#publishVersion} returned
   * @return a new request; this one is unchanged
   */
  public StartRequest onVersion(int version) {
    if (version < 1) {
      throw new IllegalArgumentException("Version numbers start at 1, not " + version);
    }
    return new StartRequest(definition, input, taskHandler, executionName, s3, Integer.toString(version), type, startedSync);
  }

  /**
   * The same request started on alias {@code alias} of the definition's state machine ({@link
   * Engine#createAlias}): the alias picks the version by weight, and {@code $$.StateMachine.Id} is
   * the alias ARN ({@code ...:stateMachine:NAME:ALIAS}).
   *
   * @param alias an alias name {@link Engine#createAlias} created
   * @return a new request; this one is unchanged
   */
  public StartRequest onAlias(String alias) {
    return new StartRequest(definition, input, taskHandler, executionName, s3, Objects.requireNonNull(alias, "alias"), type, startedSync);
  }

  /**
   * The same request run as a state machine of {@code type}: {@link StateMachineType#EXPRESS}
   * executions get {@code express:} ARNs and AWS's express context object, end after at most 5
   * minutes (TIMED_OUT), and refuse {@code .sync}, {@code .waitForTaskToken} and activities.
   *
   * @param type STANDARD or EXPRESS
   * @return a new request; this one is unchanged
   */
  public StartRequest withType(StateMachineType type) {
    return new StartRequest(definition, input, taskHandler, executionName, s3, qualifier, type, type == StateMachineType.EXPRESS && startedSync);
  }

  /**
   * The same request started as StartSyncExecution starts it: an {@link StateMachineType#EXPRESS}
   * execution whose caller waits for the result. AWS's context object then has no {@code
   * $$.Execution.RedriveCount}.
   *
   * @return a new request; this one is unchanged
   * @throws IllegalStateException unless the request is EXPRESS ({@link #withType})
   */
  public StartRequest withSyncStart() {
    if (type != StateMachineType.EXPRESS) {
      throw new IllegalStateException("StartSyncExecution starts EXPRESS state machines only: call withType(EXPRESS) first");
    }
    return new StartRequest(definition, input, taskHandler, executionName, s3, qualifier, type, true);
  }

  /**
   * Whether the request starts as StartSyncExecution does ({@link #withSyncStart}).
   *
   * @return true after {@link #withSyncStart}
   */
  public boolean startedSync() {
    return startedSync;
  }

  /**
   * STANDARD unless {@link #withType} said otherwise.
   *
   * @return the state machine type the execution runs as
   */
  public StateMachineType type() {
    return type;
  }

  /**
   * The version number or alias name the request starts on, or null for the definition itself.
   *
   * @return the qualifier, or null
   */
  public String qualifier() {
    return qualifier;
  }

  /**
   * The same request with another definition (e.g. the one a version resolved to).
   *
   * @param other the definition to run instead
   * @return a new request; this one is unchanged
   */
  public StartRequest withDefinition(StateMachineDefinition other) {
    return new StartRequest(other, input, taskHandler, executionName, s3, qualifier, type, startedSync);
  }

  /**
   * The S3 fixture of Distributed Map readers and writers, or null.
   *
   * @return the S3 fixture, or null
   */
  public InMemoryS3 s3() {
    return s3;
  }

  /**
   * The state machine to run.
   *
   * @return the definition
   */
  public StateMachineDefinition definition() {
    return definition;
  }

  /**
   * The execution input.
   *
   * @return the input
   */
  public JsonNode input() {
    return input;
  }

  /**
   * What answers the execution's tasks.
   *
   * @return the task handler, or null when none was given
   */
  public TaskHandler taskHandler() {
    return taskHandler;
  }

  /**
   * The execution name, or null for a generated one.
   *
   * @return the name, or null
   */
  public String executionName() {
    return executionName;
  }
}
