package io.github.sfntest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStateCommandTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void prints_the_aws_response_document_of_one_state() throws Exception {
    Path definition = Files.writeString(dir.resolve("m.json"), """
        {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "charge", "Payload.$": "$"}, "OutputPath": "$.Payload", "Next": "Done"},
          "Done": {"Type": "Succeed"}}}""");
    Path input = Files.writeString(dir.resolve("in.json"), "{\"amount\": 42}");
    Path mock = Files.writeString(dir.resolve("mock.json"), "{\"Payload\": {\"charged\": true}}");

    int code = run("test-state", "--definition", definition.toString(), "--state", "Charge",
        "--input", input.toString(), "--mock", mock.toString(), "--inspection-level", "debug");

    assertThat(code).isZero();
    var response = Json.parse(out.toString(StandardCharsets.UTF_8));
    assertThat(response.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(response.get("nextState").asText()).isEqualTo("Done");
    assertThat(Json.parse(response.get("output").asText())).isEqualTo(Json.parse("{\"charged\": true}"));
    assertThat(Json.parse(response.at("/inspectionData/afterParameters").asText()))
        .isEqualTo(Json.parse("{\"FunctionName\": \"charge\", \"Payload\": {\"amount\": 42}}"));
  }

  @Test
  void prints_aws_refusal_and_exits_1() throws Exception {
    Path definition = Files.writeString(dir.resolve("p.json"), "{\"Type\": \"Pass\", \"End\": true}");
    Path mock = Files.writeString(dir.resolve("mock.json"), "{\"result\": \"{}\"}");

    int code = run("test-state", "--definition", definition.toString(), "--mock", mock.toString());

    assertThat(code).isEqualTo(1);
    assertThat(Json.parse(out.toString(StandardCharsets.UTF_8)).get("message").asText())
        .isEqualTo("State type 'Pass' is not supported when a mock is specified");
  }

  @Test
  void a_missing_definition_is_a_usage_error() {
    assertThat(run("test-state", "--state", "X")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--definition is required");
  }
}
