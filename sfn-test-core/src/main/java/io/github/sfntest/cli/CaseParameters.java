package io.github.sfntest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.EngineOptions;
import io.github.sfntest.engine.StateMachineType;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.s3.InMemoryS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The run parameters a conformance case declares in its {@code expected.json}, so {@code batch}
 * runs the case as its recording ran on AWS. Honoured: {@code state_machine_type},
 * {@code execution_api}, {@code clock} (start of the virtual clock), {@code role_arn} (the
 * execution role), {@code s3_objects} (the S3 fixture), {@code mock_test_case} (the
 * MockConfigFile test case) and {@code driver_actions} (API calls the recording's test made on
 * the running execution). {@code lambda_functions} only names handler files of the recording's
 * repository (their code is not in a case), and {@code max_wait_seconds} needs nothing: the
 * virtual clock lets any Wait pass. The other keys ({@code status}, {@code output}, {@code error},
 * {@code cause}, {@code events}, {@code placeholders}, {@code snapshot_transformers}, {@code
 * skip_snapshot_verify}, {@code parallel_events_normalised}, {@code history_edited_by_test},
 * {@code result_source}, {@code input_check}, {@code markers}, dates and provenance) describe the
 * recording or drive {@code compare.py}, not the run. A case folder without {@code expected.json}
 * gets the defaults.
 */
record CaseParameters(
    StateMachineType type,
    boolean syncStart,
    Instant clock,
    String roleArn,
    String mockTestCase,
    JsonNode s3Objects,
    List<DriverAction> driverActions) {

  /** One API call the case's test made on its running execution ({@code stop_execution}, ...). */
  record DriverAction(String action, JsonNode args) {}

  /** Driver actions batch can perform; any other kind makes the case INVALID with a clear cause. */
  static final List<String> SUPPORTED_ACTIONS = List.of("stop_execution");

  static CaseParameters read(Path folder) {
    Path file = folder.resolve("expected.json");
    JsonNode e = Files.isRegularFile(file) ? Cli.readJson(file, "expected.json") : Json.NODES.objectNode();
    StateMachineType type = "EXPRESS".equals(e.path("state_machine_type").asText("STANDARD"))
        ? StateMachineType.EXPRESS : StateMachineType.STANDARD;
    // Only an EXPRESS machine can be started with StartSyncExecution, as on AWS.
    boolean sync = type == StateMachineType.EXPRESS
        && "start_sync_execution".equals(e.path("execution_api").asText());
    Instant clock = null;
    String clockText = text(e, "clock");
    if (clockText != null) {
      try {
        clock = Instant.parse(clockText);
      } catch (DateTimeParseException ex) {
        throw new CliException(file + ": \"clock\" must be an ISO-8601 instant such as 2024-01-01T00:00:00Z, not \""
            + clockText + "\"", ex);
      }
    }
    List<DriverAction> actions = new ArrayList<>();
    for (JsonNode a : e.path("driver_actions")) {
      String action = a.path("action").asText();
      if (!SUPPORTED_ACTIONS.contains(action)) {
        throw new CliException(file + ": driver action \"" + action + "\" is not supported by batch (supported: "
            + SUPPORTED_ACTIONS + ")");
      }
      actions.add(new DriverAction(action, a.path("args")));
    }
    return new CaseParameters(type, sync, clock, text(e, "role_arn"), text(e, "mock_test_case"),
        e.path("s3_objects"), List.copyOf(actions));
  }

  /** The engine options of the case: its clock and execution role over the defaults. */
  EngineOptions engineOptions() {
    EngineOptions.Builder options = EngineOptions.defaults().toBuilder();
    if (clock != null) {
      options.startTime(clock);
    }
    if (roleArn != null) {
      options.roleArn(roleArn);
    }
    return options.build();
  }

  /**
   * The S3 objects the case's test uploaded ({@code s3_objects}: bucket, key, body {text} or
   * {json}), as the fixture its ItemReader and GetObject tasks read; null if none.
   */
  InMemoryS3 s3() {
    if (s3Objects == null || !s3Objects.isArray() || s3Objects.isEmpty()) {
      return null;
    }
    InMemoryS3 s3 = new InMemoryS3();
    for (JsonNode o : s3Objects) {
      JsonNode body = o.path("body");
      String text = body.has("text") ? body.get("text").asText()
          : body.has("json") ? Json.write(body.get("json"))
          : body.isTextual() ? body.asText() : Json.write(body);
      s3.putObject(o.path("bucket").asText(), o.path("key").asText(), text);
    }
    return s3;
  }

  private static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
