package io.github.sfntest.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskHandler;
import java.util.Objects;
import java.util.Optional;

/**
 * One single-state test: the members of AWS's TestState request, plus what only an in-process
 * engine can offer ({@link Builder#taskHandler(TaskHandler)} to answer a Task from a MockConfigFile
 * test case or any handler). Build with {@link #builder()}:
 *
 * <pre>{@code
 * TestStateRequest request = TestStateRequest.builder()
 *     .definition(definitionText)          // a state machine ...
 *     .stateName("ChargeCard")             // ... and the state to test, or a single state's JSON
 *     .input("{\"amount\": 42}")
 *     .mockError("Payment.Declined", "card expired")
 *     .retrierRetryCount(2)
 *     .inspectionLevel(InspectionLevel.DEBUG)
 *     .build();
 * }</pre>
 */
public final class TestStateRequest {

  /** How a mocked result is checked against the integration's API shape (AWS's {@code fieldValidationMode}). */
  public enum FieldValidationMode {
    /** Every field must be in the API and have its type; required fields must be present. */
    STRICT,
    /** Fields present must have their API type. */
    PRESENT,
    /** No check. */
    NONE
  }

  private final String definition;
  private final String stateName;
  private final JsonNode input;
  private final JsonNode variables;
  private final JsonNode context;
  private final String roleArn;
  private final InspectionLevel inspectionLevel;
  private final boolean revealSecrets;
  private final String mockResult;
  private final boolean mockError;
  private final String mockErrorName;
  private final String mockErrorCause;
  private final FieldValidationMode fieldValidationMode;
  private final Integer retrierRetryCount;
  private final String errorCausedByState;
  private final Integer mapIterationFailureCount;
  private final String mapItemReaderData;
  private final TaskHandler taskHandler;
  private final boolean runChildren;

  private TestStateRequest(Builder b) {
    definition = Objects.requireNonNull(b.definition, "definition");
    stateName = b.stateName;
    input = b.input;
    variables = b.variables;
    context = b.context;
    roleArn = b.roleArn;
    inspectionLevel = b.inspectionLevel;
    revealSecrets = b.revealSecrets;
    mockResult = b.mockResult;
    mockError = b.mockError;
    mockErrorName = b.mockErrorName;
    mockErrorCause = b.mockErrorCause;
    fieldValidationMode = b.fieldValidationMode;
    retrierRetryCount = b.retrierRetryCount;
    errorCausedByState = b.errorCausedByState;
    mapIterationFailureCount = b.mapIterationFailureCount;
    mapItemReaderData = b.mapItemReaderData;
    taskHandler = b.taskHandler;
    runChildren = b.runChildren;
  }

  /**
   * A new builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this request's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.definition = definition;
    b.stateName = stateName;
    b.input = input;
    b.variables = variables;
    b.context = context;
    b.roleArn = roleArn;
    b.inspectionLevel = inspectionLevel;
    b.revealSecrets = revealSecrets;
    b.mockResult = mockResult;
    b.mockError = mockError;
    b.mockErrorName = mockErrorName;
    b.mockErrorCause = mockErrorCause;
    b.fieldValidationMode = fieldValidationMode;
    b.retrierRetryCount = retrierRetryCount;
    b.errorCausedByState = errorCausedByState;
    b.mapIterationFailureCount = mapIterationFailureCount;
    b.mapItemReaderData = mapItemReaderData;
    b.taskHandler = taskHandler;
    b.runChildren = runChildren;
    return b;
  }

  /**
   * The ASL text: one state ({@code {"Type": ...}}) or a state machine.
   *
   * @return the ASL text
   */
  public String definition() {
    return definition;
  }

  /**
   * With a state-machine definition, the state to test (at any depth).
   *
   * @return the state name, or empty
   */
  public Optional<String> stateName() {
    return Optional.ofNullable(stateName);
  }

  /**
   * The state's input; empty means AWS's default {@code {}}.
   *
   * @return the input, or empty
   */
  public Optional<JsonNode> input() {
    return Optional.ofNullable(input);
  }

  /**
   * Variables visible to the state.
   *
   * @return the variables, or empty
   */
  public Optional<JsonNode> variables() {
    return Optional.ofNullable(variables);
  }

  /**
   * The context object the state sees instead of a synthesised one.
   *
   * @return the context object, or empty
   */
  public Optional<JsonNode> context() {
    return Optional.ofNullable(context);
  }

  /**
   * The execution role ARN ({@code $$.Execution.RoleArn}).
   *
   * @return the role ARN, or empty
   */
  public Optional<String> roleArn() {
    return Optional.ofNullable(roleArn);
  }

  /**
   * The inspection level; empty means AWS's default, {@code INFO}.
   *
   * @return the inspection level, or empty
   */
  public Optional<InspectionLevel> inspectionLevel() {
    return Optional.ofNullable(inspectionLevel);
  }

  /**
   * AWS's {@code revealSecrets}.
   *
   * @return whether secrets are revealed
   */
  public boolean revealSecrets() {
    return revealSecrets;
  }

  /**
   * The mocked integration result, as JSON text (kept as sent: AWS rejects text that is not JSON).
   *
   * @return the mocked result, or empty
   */
  public Optional<String> mockResult() {
    return Optional.ofNullable(mockResult);
  }

  /**
   * Whether the request mocks an error ({@link #mockErrorName()}, {@link #mockErrorCause()}).
   *
   * @return whether an error is mocked
   */
  public boolean hasMockError() {
    return mockError;
  }

  /**
   * The mocked error name.
   *
   * @return the error name, or empty
   */
  public Optional<String> mockErrorName() {
    return Optional.ofNullable(mockErrorName);
  }

  /**
   * The mocked error cause.
   *
   * @return the error cause, or empty
   */
  public Optional<String> mockErrorCause() {
    return Optional.ofNullable(mockErrorCause);
  }

  /**
   * How the mocked result is checked; empty means AWS's default, {@code STRICT}.
   *
   * @return the validation mode, or empty
   */
  public Optional<FieldValidationMode> fieldValidationMode() {
    return Optional.ofNullable(fieldValidationMode);
  }

  /**
   * AWS's {@code stateConfiguration.retrierRetryCount}: the retries already made.
   *
   * @return the retry count, or empty
   */
  public Optional<Integer> retrierRetryCount() {
    return Optional.ofNullable(retrierRetryCount);
  }

  /**
   * AWS's {@code stateConfiguration.errorCausedByState}: the child state the mocked error comes
   * from.
   *
   * @return the child state's name, or empty
   */
  public Optional<String> errorCausedByState() {
    return Optional.ofNullable(errorCausedByState);
  }

  /**
   * AWS's {@code stateConfiguration.mapIterationFailureCount}: how many Map iterations fail.
   *
   * @return the failure count, or empty
   */
  public Optional<Integer> mapIterationFailureCount() {
    return Optional.ofNullable(mapIterationFailureCount);
  }

  /**
   * AWS's {@code stateConfiguration.mapItemReaderData}: the items a Map's ItemReader reads, as JSON
   * text.
   *
   * @return the items as JSON text, or empty
   */
  public Optional<String> mapItemReaderData() {
    return Optional.ofNullable(mapItemReaderData);
  }

  /**
   * Answers Task states when the request has no mock (beyond AWS, which calls the real service).
   *
   * @return the task handler, or empty
   */
  public Optional<TaskHandler> taskHandler() {
    return Optional.ofNullable(taskHandler);
  }

  /**
   * Whether an unmocked Map or Parallel runs its real children in-process (AWS refuses it).
   *
   * @return whether children run in-process
   */
  public boolean runChildren() {
    return runChildren;
  }

  /**
   * Whether the request carries a mock (result or error).
   *
   * @return whether a mock is given
   */
  public boolean hasMock() {
    return mockResult != null || mockError;
  }

  /** Builds a {@link TestStateRequest}; only {@link #definition(String)} is required. */
  public static final class Builder {
    private String definition;
    private String stateName;
    private JsonNode input;
    private JsonNode variables;
    private JsonNode context;
    private String roleArn;
    private InspectionLevel inspectionLevel;
    private boolean revealSecrets;
    private String mockResult;
    private boolean mockError;
    private String mockErrorName;
    private String mockErrorCause;
    private FieldValidationMode fieldValidationMode;
    private Integer retrierRetryCount;
    private String errorCausedByState;
    private Integer mapIterationFailureCount;
    private String mapItemReaderData;
    private TaskHandler taskHandler;
    private boolean runChildren;

    private Builder() {}

    /**
     * The ASL text: one state, or a state machine (then name the state with {@link #stateName}).
     *
     * @param value the definition text
     * @return this builder
     */
    public Builder definition(String value) {
      definition = value;
      return this;
    }

    /**
     * The state to test, by name, in a state-machine definition (states inside Map and Parallel too).
     *
     * @param value the state name
     * @return this builder
     */
    public Builder stateName(String value) {
      stateName = value;
      return this;
    }

    /**
     * The state's input.
     *
     * @param value JSON
     * @return this builder
     */
    public Builder input(JsonNode value) {
      input = value;
      return this;
    }

    /**
     * The state's input, as JSON text.
     *
     * @param json JSON text
     * @return this builder
     */
    public Builder input(String json) {
      input = json == null ? null : Json.parse(json);
      return this;
    }

    /**
     * Variables visible to the state, a JSON object of name to value.
     *
     * @param json JSON object text
     * @return this builder
     */
    public Builder variables(String json) {
      variables = json == null ? null : Json.parse(json);
      return this;
    }

    /**
     * Variables visible to the state.
     *
     * @param value a JSON object of name to value
     * @return this builder
     */
    public Builder variables(JsonNode value) {
      variables = value;
      return this;
    }

    /**
     * The context object ({@code $$}, {@code $states.context}) the state sees, as JSON text.
     *
     * @param json JSON object text
     * @return this builder
     */
    public Builder context(String json) {
      context = json == null ? null : Json.parse(json);
      return this;
    }

    /**
     * The context object the state sees.
     *
     * @param value a JSON object
     * @return this builder
     */
    public Builder context(JsonNode value) {
      context = value;
      return this;
    }

    /**
     * The execution role ARN.
     *
     * @param value an IAM role ARN
     * @return this builder
     */
    public Builder roleArn(String value) {
      roleArn = value;
      return this;
    }

    /**
     * How much processing data the result carries.
     *
     * @param value the level
     * @return this builder
     */
    public Builder inspectionLevel(InspectionLevel value) {
      inspectionLevel = value;
      return this;
    }

    /**
     * AWS's {@code revealSecrets} (refused together with a mock, as AWS does).
     *
     * @param value the flag
     * @return this builder
     */
    public Builder revealSecrets(boolean value) {
      revealSecrets = value;
      return this;
    }

    /**
     * Mocks the integration's result (for Map and Parallel: the state's result array).
     *
     * @param json JSON text
     * @return this builder
     */
    public Builder mockResult(String json) {
      mockResult = json;
      return this;
    }

    /**
     * Mocks the integration's result.
     *
     * @param value JSON
     * @return this builder
     */
    public Builder mockResult(JsonNode value) {
      mockResult = value == null ? null : Json.write(value);
      return this;
    }

    /**
     * Mocks an integration error.
     *
     * @param error the error name
     * @param cause the cause, or null
     * @return this builder
     */
    public Builder mockError(String error, String cause) {
      mockError = true;
      mockErrorName = error;
      mockErrorCause = cause;
      return this;
    }

    /**
     * How a mocked result is checked against the integration's API shape.
     *
     * @param value the mode
     * @return this builder
     */
    public Builder fieldValidationMode(FieldValidationMode value) {
      fieldValidationMode = value;
      return this;
    }

    /**
     * The retries already made: a matching retrier with attempts left makes the state RETRIABLE.
     *
     * @param value the count
     * @return this builder
     */
    public Builder retrierRetryCount(Integer value) {
      retrierRetryCount = value;
      return this;
    }

    /**
     * The child state of a Map or Parallel the mocked error comes from.
     *
     * @param value a state name
     * @return this builder
     */
    public Builder errorCausedByState(String value) {
      errorCausedByState = value;
      return this;
    }

    /**
     * How many iterations of a mocked Map fail (checked against its tolerated failure).
     *
     * @param value the count
     * @return this builder
     */
    public Builder mapIterationFailureCount(Integer value) {
      mapIterationFailureCount = value;
      return this;
    }

    /**
     * The items a Map's ItemReader reads, as JSON text.
     *
     * @param json JSON text
     * @return this builder
     */
    public Builder mapItemReaderData(String json) {
      mapItemReaderData = json;
      return this;
    }

    /**
     * Answers Task states the request does not mock, for example a MockConfigFile test case's
     * handler (AWS would call the real service).
     *
     * @param value the handler
     * @return this builder
     */
    public Builder taskHandler(TaskHandler value) {
      taskHandler = value;
      return this;
    }

    /**
     * Runs an unmocked Map or Parallel state with its real iterations and branches, in-process
     * (beyond AWS, which requires a mock for them); their Task states are answered by
     * {@link #taskHandler(TaskHandler)}.
     *
     * @param value the flag
     * @return this builder
     */
    public Builder runChildren(boolean value) {
      runChildren = value;
      return this;
    }

    /**
     * The request.
     *
     * @return the request
     */
    public TestStateRequest build() {
      return new TestStateRequest(this);
    }
  }
}
