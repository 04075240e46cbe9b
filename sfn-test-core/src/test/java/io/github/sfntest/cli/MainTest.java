package io.github.sfntest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int cli(String... args) {
    return Main.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path file(String name, String content) throws IOException {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content.replace('\'', '"'));
    return path;
  }

  private JsonNode document() {
    return Json.parse(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_prints_the_result_document_and_exits_0_when_the_execution_succeeded() throws IOException {
    Path definition = dir.resolve("hello.asl.json");
    Files.writeString(definition, "{\"StartAt\":\"Greet\",\"States\":{\"Greet\":{\"Type\":\"Pass\","
        + "\"Parameters\":{\"greeting.$\":\"States.Format('Hello, {}', $.name)\"},\"End\":true}}}");
    Path input = file("input.json", "{'name':'Ada'}");

    int exit = cli("run", "--definition", definition.toString(), "--input", input.toString());

    assertThat(exit).isZero();
    JsonNode doc = document();
    assertThat(doc.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(doc.get("output")).isEqualTo(Json.parse("{\"greeting\":\"Hello, Ada\"}"));
    assertThat(doc.get("error").isNull()).isTrue();
    assertThat(doc.get("events")).hasSize(4);
    assertThat(doc.at("/events/1/stateEnteredEventDetails/input").asText()).isEqualTo("{\"name\":\"Ada\"}");
  }

  @Test
  void run_exits_1_when_the_execution_failed_and_still_prints_the_document() throws IOException {
    Path definition = file("fail.asl.json", "{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Nope','Cause':'because'}}}");

    int exit = cli("run", "--definition", definition.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(document().get("status").asText()).isEqualTo("FAILED");
    assertThat(document().get("error").asText()).isEqualTo("Nope");
    assertThat(document().get("cause").asText()).isEqualTo("because");
  }

  @Test
  void run_with_type_express_runs_an_express_execution_and_refuses_what_express_cannot_do() throws IOException {
    Path definition = file("ctx.asl.json", "{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'id.$':'$$.Execution.Id'},'End':true}}}");

    assertThat(cli("run", "--definition", definition.toString(), "--type", "EXPRESS")).isZero();
    assertThat(document().at("/output/id").asText()).startsWith("arn:aws:states:us-east-1:111111111111:express:");

    Path callback = file("cb.asl.json", "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
        + "'arn:aws:states:::sqs:sendMessage.waitForTaskToken','Parameters':{'QueueUrl':'q'},'End':true}}}");
    assertThat(cli("run", "--definition", callback.toString(), "--type", "EXPRESS")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("/States/T/Resource")
        .contains("Express state machine does not support '.waitForTaskToken' service integration");
    assertThat(cli("run", "--definition", definition.toString(), "--type", "FAST")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--type takes STANDARD or EXPRESS");
  }

  @Test
  void substitutions_fill_the_definition_and_a_malformed_one_exits_2_naming_the_option() throws IOException {
    Path definition = file("sub.asl.json", "{'StartAt':'W','States':{'W':{'Type':'Pass','Result':'${Greeting}','End':true}}}");

    assertThat(cli("run", "--definition", definition.toString(), "--substitution", "Greeting=hi")).isZero();
    assertThat(document().get("output").asText()).isEqualTo("hi");

    for (String command : new String[] {"run", "render"}) {
      err.reset();
      assertThat(cli(command, "--definition", definition.toString(), "--substitution", "Greeting")).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("--substitution takes KEY=VALUE, was \"Greeting\"");
    }
  }

  @Test
  void run_exits_2_with_every_diagnostic_for_an_invalid_definition() throws IOException {
    Path definition = file("bad.asl.json", "{'StartAt':'A','States':{'A':{'Type':'Pass','Nexxt':'B'}}}");

    int exit = cli("run", "--definition", definition.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("/States/A/Nexxt").contains("Next");
  }

  @Test
  void run_exits_2_for_unknown_arguments_and_missing_files() {
    assertThat(cli("run", "--definitoin", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument \"--definitoin\"");
    assertThat(cli("run", "--definition", dir.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
  }

  @Test
  void run_uses_the_mock_config_test_case_and_substitutions() throws IOException {
    Path definition = file("call.asl.json",
        "{'StartAt':'Call','States':{'Call':{'Type':'Task','Resource':'${Fn}','End':true}}}");
    Path mocks = file("MockConfigFile.json", "{'StateMachines':{'call':{'TestCases':{'Happy':{'Call':'Ok'},"
        + "'Sad':{'Call':'Err'}}}},'MockedResponses':{'Ok':{'0':{'Return':{'ok':true}}},"
        + "'Err':{'0':{'Throw':{'Error':'Boom','Cause':'bad'}}}}}");

    int happy = cli("run", "--definition", definition.toString(), "--mock-config", mocks.toString(),
        "--substitution", "Fn=arn:aws:lambda:us-east-1:111111111111:function:call");
    JsonNode happyDoc = document();
    out.reset();
    int sad = cli("run", "--definition", definition.toString(), "--mock-config", mocks.toString(), "--test-case", "Sad",
        "--substitution", "Fn=arn:aws:lambda:us-east-1:111111111111:function:call");

    assertThat(happy).isZero();
    assertThat(happyDoc.get("output")).isEqualTo(Json.parse("{\"ok\":true}"));
    assertThat(sad).isEqualTo(1);
    assertThat(document().get("error").asText()).isEqualTo("Boom");
  }

  @Test
  void run_with_repeat_writes_the_timings_file() throws IOException {
    Path definition = file("p.asl.json", "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
    Path timings = dir.resolve("timings.json");

    int exit = cli("run", "--definition", definition.toString(), "--warmup", "1", "--repeat", "3",
        "--timings", timings.toString(), "--max-history-events", "0");

    assertThat(exit).isZero();
    JsonNode doc = Json.parse(Files.readString(timings));
    assertThat(doc.get("engine").asText()).startsWith("sfn-test ");
    assertThat(doc.get("runs_ms")).hasSize(3);
    assertThat(doc.get("transitions").asInt()).isEqualTo(1);
    assertThat(doc.get("load_ms").asDouble()).isPositive();
  }

  @Test
  void batch_runs_every_case_folder_and_marks_the_ones_that_cannot_run() throws IOException {
    file("cases/ok/definition.json", "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
    file("cases/ok/input.json", "{'a':1}");
    file("cases/broken/definition.json", "{'StartAt':'Nowhere','States':{}}");
    file("cases/not-a-case/readme.txt", "ignored");

    int exit = cli("batch", "--cases", dir.resolve("cases").toString(), "--out", dir.resolve("out").toString());

    assertThat(exit).isZero();
    JsonNode ok = Json.parse(Files.readString(dir.resolve("out/ok.json")));
    JsonNode broken = Json.parse(Files.readString(dir.resolve("out/broken.json")));
    assertThat(ok.get("output")).isEqualTo(Json.parse("{\"a\":1}"));
    assertThat(broken.get("status").asText()).isEqualTo("INVALID");
    assertThat(broken.get("cause").asText()).contains("States");
    assertThat(Files.exists(dir.resolve("out/not-a-case.json"))).isFalse();
  }

  @Test
  void validate_exits_0_for_a_valid_definition_and_1_for_an_invalid_one() throws IOException {
    Path good = file("good.asl.json", "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
    Path bad = file("bad.asl.json", "{'StartAt':'P','States':{'P':{'Type':'Pass','Next':'Q'}}}");

    assertThat(cli("validate", "--definition", good.toString())).isZero();
    assertThat(cli("validate", "--definition", bad.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("MISSING_TRANSITION_TARGET");
  }

  @Test
  void an_unknown_command_exits_2_with_the_usage() {
    assertThat(cli("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command").contains("run --definition");
  }

  @Test
  void every_command_answers_help_with_its_own_usage_on_stdout() {
    for (String command : List.of("run", "batch", "validate", "serve", "mocks-from-history", "replay", "record",
        "render", "coverage-merge", "test-state")) {
      out.reset();
      assertThat(cli(command, "--help")).as(command).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).as(command).startsWith("usage: sfn-test " + command + " ");
      out.reset();
      assertThat(cli("help", command)).as(command).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).as(command).startsWith("usage: sfn-test " + command + " ");
    }
  }

  @Test
  void the_overall_usage_lists_validate_with_its_real_options() {
    assertThat(cli("help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("validate --definition FILE [--type STANDARD|EXPRESS] [--format text|json]");
    assertThat(cli("help", "frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command \"frobnicate\"");
  }
}
