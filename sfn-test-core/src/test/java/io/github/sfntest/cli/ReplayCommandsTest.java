package io.github.sfntest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.MockedResponses;
import io.github.sfntest.sdk.SdkEngine;
import io.github.sfntest.server.SfnServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract of mocks-from-history, replay and record. */
class ReplayCommandsTest {

  private static final String DEFINITION = """
      {"StartAt": "Lookup", "States": {
        "Lookup": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
                   "Parameters": {"TableName": "customers", "Key": {"id": {"S.$": "$.customerId"}}},
                   "ResultSelector": {"name.$": "$.Item.name.S"}, "ResultPath": "$.customer", "Next": "Greet"},
        "Greet": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('Hello, {}', $.customer.name)"}, "End": true}}}
      """;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int cli(String... args) {
    out.reset();
    err.reset();
    return Main.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Runs the definition on sfn-test's endpoint through the AWS SDK, then records it with the CLI. */
  private Path recordedOnTheEndpoint() throws Exception {
    MockedResponses dynamo = MockedResponses.create();
    dynamo.onState("Lookup").willReturn(Map.of("Item", Map.of("name", Map.of("S", "Ada"))));
    try (SfnServer server = SfnServer.start(); SdkEngine engine = SdkEngine.forEndpoint(server.endpoint())) {
      ExecutionResult result = engine.run(StartRequest.of(StateMachineDefinition.of("Greeter", DEFINITION),
          "{\"customerId\": \"c-1\"}").withTaskHandler(dynamo));
      Path history = dir.resolve("greeter-history.json");

      int exit = cli("record", "--endpoint", server.endpoint().toString(), "--execution-arn", result.executionArn(),
          "--out", history.toString());

      assertThat(exit).as(stderr()).isZero();
      assertThat(stderr()).isEqualTo("record: 9 events of " + result.executionArn() + " written to " + history + "\n");
      return history;
    }
  }

  private Path definition(String json) throws Exception {
    Path file = dir.resolve("greeter.asl.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void record_writes_the_history_as_get_execution_history_prints_it() throws Exception {
    JsonNode document = Json.parse(Files.readString(recordedOnTheEndpoint()));

    assertThat(document.get("events")).hasSize(9);
    assertThat(document.at("/events/0/type").asText()).isEqualTo("ExecutionStarted");
    assertThat(document.at("/events/0/executionStartedEventDetails/input").asText()).isEqualTo("{\"customerId\":\"c-1\"}");
  }

  @Test
  void mocks_from_history_prints_a_MockConfigFile_test_case() throws Exception {
    Path history = recordedOnTheEndpoint();

    int exit = cli("mocks-from-history", "--history", history.toString(), "--state-machine", "Greeter",
        "--test-case", "Ada");

    assertThat(exit).isZero();
    assertThat(Json.parse(stdout())).isEqualTo(Json.parse("""
        {"StateMachines": {"Greeter": {"TestCases": {"Ada": {"Lookup": "Mock_Lookup"}}}},
         "MockedResponses": {"Mock_Lookup": {"0": {"Return": {"Item": {"name": {"S": "Ada"}}}}}}}
        """));
    // the file runs as it is
    Files.writeString(dir.resolve("mocks.json"), stdout());
    Files.writeString(dir.resolve("input.json"), "{\"customerId\": \"c-1\"}");
    assertThat(cli("run", "--definition", definition(DEFINITION).toString(), "--mock-config",
        dir.resolve("mocks.json").toString(), "--test-case", "Ada", "--input", dir.resolve("input.json").toString())).isZero();
    assertThat(Json.parse(stdout()).get("output")).isEqualTo(Json.parse("{\"greeting\": \"Hello, Ada\"}"));
  }

  @Test
  void mocks_from_history_exits_2_when_the_history_cannot_be_read() throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"events\": [");

    assertThat(cli("mocks-from-history", "--history", broken.toString(), "--state-machine", "S", "--test-case", "T"))
        .isEqualTo(2);
    assertThat(stderr()).startsWith("sfn-test mocks-from-history: --history: " + broken + " is not valid JSON");
    assertThat(cli("mocks-from-history", "--history", dir.resolve("none.json").toString(), "--state-machine", "S",
        "--test-case", "T")).isEqualTo(2);
    assertThat(stderr()).contains("does not exist");
    assertThat(cli("mocks-from-history", "--history", broken.toString())).isEqualTo(2);
    assertThat(stderr()).contains("--state-machine is required");
  }

  @Test
  void replay_exits_0_when_the_definition_reproduces_the_recording() throws Exception {
    Path history = recordedOnTheEndpoint();

    int exit = cli("replay", "--definition", definition(DEFINITION).toString(), "--history", history.toString());

    assertThat(exit).as(stdout()).isZero();
    assertThat(stdout()).isEqualTo("replay of " + history + " matches the recording: SUCCEEDED, 2 states entered\n");
  }

  @Test
  void replay_exits_1_and_names_the_first_diverging_state_when_the_definition_changed() throws Exception {
    Path history = recordedOnTheEndpoint();
    Path changed = definition(DEFINITION.replace("Hello, {}", "Hi, {}"));

    int exit = cli("replay", "--definition", changed.toString(), "--history", history.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(stdout()).contains("diverges from the recording at state \"Greet\" (OUTPUT)",
        "output of \"Greet\" differs", "recorded: {\"greeting\":\"Hello, Ada\"}", "replayed: {\"greeting\":\"Hi, Ada\"}");
    assertThat(cli("replay", "--definition", changed.toString(), "--history", history.toString(),
        "--ignore-field", "greeting")).isZero();
  }

  @Test
  void replay_uses_another_input_when_given() throws Exception {
    Path history = recordedOnTheEndpoint();
    Path input = dir.resolve("input.json");
    Files.writeString(input, "{\"customerId\": \"c-2\"}");

    assertThat(cli("replay", "--definition", definition(DEFINITION).toString(), "--history", history.toString(),
        "--input", input.toString())).isEqualTo(1);
    assertThat(stdout()).contains("at state \"Lookup\" (INPUT)");
  }

  @Test
  void replay_exits_2_when_it_cannot_run() throws Exception {
    Path history = recordedOnTheEndpoint();
    Path invalid = dir.resolve("invalid.asl.json");
    Files.writeString(invalid, "{\"StartAt\": \"Nowhere\", \"States\": {}}");

    assertThat(cli("replay", "--definition", invalid.toString(), "--history", history.toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("sfn-test replay: ");
    assertThat(cli("replay", "--definition", definition(DEFINITION).toString(), "--history",
        dir.resolve("none.json").toString())).isEqualTo(2);
    assertThat(stderr()).contains("does not exist");
  }
}
