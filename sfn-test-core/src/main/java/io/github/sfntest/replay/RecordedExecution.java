package io.github.sfntest.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.replay.HistoryComparison;
import io.github.sfntest.internal.replay.HistoryDocuments;
import io.github.sfntest.internal.replay.MockDerivation;
import io.github.sfntest.mock.MockConfigFile;
import io.github.sfntest.mock.MockedResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An execution that really happened, read from its {@code GetExecutionHistory} events: its input,
 * how it ended, and what its integrations answered, as mocks to replay it with.
 *
 * <pre>{@code
 * RecordedExecution recording = RecordedExecution.load(Path.of("recordings/order-42.json"));
 * MockedResponses mocks = recording.mocks();                       // per state and attempt
 * String file = recording.toMockConfigFile("OrderFlow", "Order42"); // the same as a MockConfigFile
 * }</pre>
 *
 * <p>A history file is {@code {"events": [...]}} as {@code aws stepfunctions
 * get-execution-history} prints it (pages concatenated, or an array of pages), or a bare array of
 * events, as {@code sfn-test record} and {@link ExecutionHistory#writeTo} write it. Payloads may be
 * JSON strings (as AWS prints them) or parsed, and values may be anonymised placeholders such as
 * {@code <ExecArn>}: they are kept as opaque values.
 *
 * <p>The mocks: every {@code TaskSucceeded}, {@code LambdaFunctionSucceeded} and {@code
 * ActivitySucceeded} answers with its output (the callback result of a {@code .waitForTaskToken}
 * task, the child execution's description for {@code states:startExecution.sync}); every failed,
 * timed-out, start- or submit-failed integration throws its error and cause (a recorded {@code
 * States.Timeout} times the task out, at its timeout or heartbeat). Answers are numbered per state
 * in history order, so retries and Map/Parallel iterations replay in the order they happened.
 * Distributed Map children are separate executions: replay their own histories.
 */
public final class RecordedExecution {

  private static final Pattern ROLE_ACCOUNT = Pattern.compile("^arn:[^:]*:iam::(\\d{12}):");
  private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d$");

  private final String source;
  private final List<ObjectNode> events;
  private final MockDerivation answers;
  private final HistoryComparison.Ending ending;

  private RecordedExecution(String source, List<ObjectNode> events) {
    this.source = source;
    this.events = List.copyOf(events);
    this.answers = MockDerivation.of(this.events);
    this.ending = HistoryComparison.ending(this.events);
  }

  /**
   * Reads a history file.
   *
   * @param file a GetExecutionHistory JSON file
   * @return the recording
   * @throws InvalidHistoryException if the file cannot be read or is not a history (the message
   *     says why)
   */
  public static RecordedExecution load(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidHistoryException("history file " + file + " does not exist");
    } catch (IOException e) {
      throw new InvalidHistoryException("cannot read history file " + file + ": " + e.getMessage());
    }
    return new RecordedExecution(file.toString(), events(file.toString(), text));
  }

  /**
   * Reads the history at {@code location}: a classpath resource ({@code recordings/order-42.json}
   * or {@code classpath:...}), else a file ({@code file:...} or a path relative to the working
   * directory).
   *
   * @param location a classpath resource or file
   * @return the recording
   */
  public static RecordedExecution fromResource(String location) {
    io.github.sfntest.testing.TestResource resource;
    try {
      resource = io.github.sfntest.testing.TestResource.read(location, "recorded history");
    } catch (io.github.sfntest.testing.TestConfigurationException e) {
      throw new InvalidHistoryException(e.getMessage());
    }
    String name = resource.classpathName() != null ? resource.classpathName() : resource.describe();
    return new RecordedExecution(name, events(name, resource.text()));
  }

  /**
   * Every history matching {@code pattern}, sorted by name: wildcards in the last parts ({@code
   * recordings/*.json}, {@code recordings/**}{@code /*.json}) match classpath resources, else files
   * relative to the working directory.
   *
   * @param pattern a location with wildcards in its last parts
   * @return the recordings, sorted by name
   * @throws InvalidHistoryException if nothing matches or a match is not a history
   */
  public static List<RecordedExecution> findAll(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = RecordedExecution.class.getClassLoader();
    }
    List<RecordedExecution> all = new ArrayList<>();
    List<String> locations;
    try {
      locations = io.github.sfntest.internal.replay.HistoryLocations.expand(pattern, loader);
    } catch (io.github.sfntest.internal.replay.HistoryFormatException e) {
      throw new InvalidHistoryException(e.getMessage());
    }
    for (String location : locations) {
      all.add(fromResource(location));
    }
    return all;
  }

  /**
   * The file name of the recording (its source without folders), for test names.
   *
   * @return the file name
   */
  public String name() {
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return slash < 0 ? source : source.substring(slash + 1);
  }

  /**
   * Reads history JSON text; {@code source} names it in messages.
   *
   * @param source where the text came from, for messages
   * @param json GetExecutionHistory JSON text
   * @return the recording
   */
  public static RecordedExecution parse(String source, String json) {
    return new RecordedExecution(source, events(source, Objects.requireNonNull(json, "json")));
  }

  private static List<ObjectNode> events(String source, String text) {
    try {
      return HistoryDocuments.events(source, text);
    } catch (io.github.sfntest.internal.replay.HistoryFormatException e) {
      throw new InvalidHistoryException(e.getMessage());
    }
  }

  /**
   * The recording of an execution this library ran (any engine).
   *
   * @param history a history from {@link io.github.sfntest.engine.ExecutionResult#history()}
   * @return the recording
   */
  public static RecordedExecution of(ExecutionHistory history) {
    List<ObjectNode> events = new ArrayList<>();
    for (HistoryEvent event : history) {
      events.add(event.toJson());
    }
    if (events.isEmpty()) {
      throw new InvalidHistoryException("the history has no events");
    }
    return new RecordedExecution("history", events);
  }

  /**
   * Where the recording came from (the file name), for messages.
   *
   * @return the source's name
   */
  public String source() {
    return source;
  }

  /**
   * The events as GetExecutionHistory lists them, unchanged.
   *
   * @return the events as JSON
   */
  public ArrayNode eventsJson() {
    ArrayNode array = Json.NODES.arrayNode();
    events.forEach(e -> array.add(e.deepCopy()));
    return array;
  }

  /** The raw events, read-only by convention (for the comparison). */
  List<ObjectNode> events() {
    return events;
  }

  /**
   * The execution's input, from {@code ExecutionStarted}; {@code {}} when the recording has none.
   *
   * @return the input
   */
  public JsonNode input() {
    for (ObjectNode event : events) {
      if (event.path("type").asText().equals("ExecutionStarted")) {
        JsonNode input = event.path("executionStartedEventDetails").get("input");
        if (input == null || input.isNull()) {
          break;
        }
        if (input.isTextual()) {
          try {
            return Json.parse(input.asText());
          } catch (IllegalArgumentException e) {
            return input;
          }
        }
        return input;
      }
    }
    return Json.NODES.objectNode();
  }

  /**
   * How the execution ended; RUNNING when the recording has no terminal event.
   *
   * @return the status
   */
  public ExecutionStatus status() {
    return ExecutionStatus.valueOf(ending.status());
  }

  /**
   * The output of a succeeded execution.
   *
   * @return the output, empty unless the execution succeeded
   */
  public Optional<JsonNode> output() {
    return Optional.ofNullable(ending.output());
  }

  /**
   * The error of a failed, timed-out or aborted execution.
   *
   * @return the error, or empty
   */
  public Optional<String> error() {
    return Optional.ofNullable(ending.error());
  }

  /**
   * The cause that came with {@link #error()}.
   *
   * @return the cause, or empty
   */
  public Optional<String> cause() {
    return Optional.ofNullable(ending.cause());
  }

  /**
   * When the execution started, if the recording kept real timestamps.
   *
   * @return the start time, or empty
   */
  public Optional<Instant> startTime() {
    if (events.isEmpty()) {
      return Optional.empty();
    }
    JsonNode ts = events.get(0).get("timestamp");
    if (ts != null && ts.isNumber()) {
      return Optional.of(Instant.ofEpochMilli(Math.round(ts.asDouble() * 1000)));
    }
    if (ts != null && ts.isTextual()) {
      try {
        return Optional.of(OffsetDateTime.parse(ts.asText()).toInstant());
      } catch (DateTimeParseException e) {
        try {
          return Optional.of(Instant.parse(ts.asText()));
        } catch (DateTimeParseException again) {
          return Optional.empty(); // anonymised ("timestamp")
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The account the execution ran in, from its role ARN, if the recording kept it.
   *
   * @return the account id, or empty
   */
  public Optional<String> account() {
    for (ObjectNode event : events) {
      JsonNode role = event.path("executionStartedEventDetails").path("roleArn");
      if (role.isTextual()) {
        Matcher m = ROLE_ACCOUNT.matcher(role.asText());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The region the execution ran in, from its task events, if the recording kept it.
   *
   * @return the region, or empty
   */
  public Optional<String> region() {
    for (ObjectNode event : events) {
      JsonNode region = event.path("taskScheduledEventDetails").path("region");
      if (region.isTextual() && REGION.matcher(region.asText()).matches()) {
        return Optional.of(region.asText());
      }
    }
    return Optional.empty();
  }

  /**
   * The role the execution ran with, if the recording kept it.
   *
   * @return the role ARN, or empty
   */
  public Optional<String> roleArn() {
    for (ObjectNode event : events) {
      JsonNode role = event.path("executionStartedEventDetails").path("roleArn");
      if (role.isTextual() && ROLE_ACCOUNT.matcher(role.asText()).find()) {
        return Optional.of(role.asText());
      }
    }
    return Optional.empty();
  }

  /**
   * The names of the states entered, in order, at every nesting level.
   *
   * @return the entered state names
   */
  public List<String> visitedStates() {
    List<String> names = new ArrayList<>();
    for (ObjectNode event : events) {
      if (event.path("type").asText().endsWith("StateEntered")) {
        names.add(event.path("stateEnteredEventDetails").path("name").asText());
      }
    }
    return names;
  }

  /**
   * True when the recording holds at least one integration answer to mock.
   *
   * @return whether there are answers to mock
   */
  public boolean hasTaskAnswers() {
    return !answers.isEmpty();
  }

  /**
   * State name → how many answers the recording holds for it, in history order.
   *
   * @return state name to number of answers
   */
  public Map<String, Integer> answerCounts() {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    answers.answers().forEach((state, list) -> counts.put(state, list.size()));
    return counts;
  }

  /**
   * What the integrations answered, as state mocks (a fresh object each time). An invocation the
   * recording has no answer for fails the replayed execution with {@code States.Runtime}, as in a
   * MockConfigFile: the replay then reports where it diverged.
   *
   * @return new mocks answering with the recorded results
   */
  public MockedResponses mocks() {
    if (answers.isEmpty()) {
      return MockedResponses.forTestCase("Replay");
    }
    MockConfigFile file = MockConfigFile.parse(toMockConfigFile("Recording", "Replay"));
    return MockedResponses.fromMockConfigFile(file, "Recording", "Replay");
  }

  /**
   * The answers as a MockConfigFile (AWS Step Functions Local's format) with one state machine and
   * one test case; each state's response is named {@code Mock_<StateName>}.
   *
   * @param stateMachineName the state machine name to write
   * @param testCaseName the test case name to write
   * @return the MockConfigFile JSON text
   */
  public String toMockConfigFile(String stateMachineName, String testCaseName) {
    return Json.pretty(answers.mockConfigFile(
        Objects.requireNonNull(stateMachineName, "stateMachineName"), Objects.requireNonNull(testCaseName, "testCaseName")));
  }

  /**
   * Writes the events as {@code {"events": [...]}}.
   *
   * @param file where to write the JSON document
   */
  public void writeTo(Path file) {
    ObjectNode document = Json.NODES.objectNode();
    document.set("events", eventsJson());
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, Json.pretty(document) + "\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write the history to " + file, e);
    }
  }

  @Override
  public String toString() {
    return "RecordedExecution[" + source + ", " + events.size() + " events, " + ending.status() + "]";
  }
}
