package io.github.sfntest.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

class CoverageCommandsTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static final String DEFINITION = """
      {"StartAt": "Check", "States": {
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Yes"}],
                  "Default": "No"},
        "Yes": {"Type": "Pass", "End": true},
        "No": {"Type": "Fail", "Error": "Nope"}}}
      """;

  private int cli(String... args) {
    return Main.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path file(String name, String content) throws IOException {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
    return path;
  }

  @Test
  void render_writes_the_graph_of_a_definition() throws IOException {
    Path definition = file("check.asl.json", DEFINITION);

    assertThat(cli("render", "--definition", definition.toString())).isEqualTo(0);

    String svg = out.toString(StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg").contains("data-id=\"Check\"", "data-id=\"Yes\"", "data-id=\"No\"",
        "data-id=\"Check -&gt; Yes [choice_rule 0]\"", "data-id=\"Check -&gt; No [default]\"", ">Rule #1<", ">Default<");
  }

  @Test
  void render_with_an_execution_highlights_the_path_that_run_printed() throws IOException {
    Path definition = file("check.asl.json", DEFINITION);
    Path input = file("input.json", "{\"ok\": true}");
    assertThat(cli("run", "--definition", definition.toString(), "--input", input.toString())).isEqualTo(0);
    Path result = file("result.json", out.toString(StandardCharsets.UTF_8));
    out.reset();

    assertThat(cli("render", "--definition", definition.toString(), "--execution", result.toString(), "--output",
        dir.resolve("out/path.svg").toString())).isEqualTo(0);

    String svg = Files.readString(dir.resolve("out/path.svg"));
    assertThat(svg).contains("class=\"node path\" data-id=\"Check\"", "class=\"node path\" data-id=\"Yes\"",
        "class=\"node off\" data-id=\"No\"", "class=\"edge path\" data-id=\"Check -&gt; Yes [choice_rule 0]\"",
        "class=\"edge off\" data-id=\"Check -&gt; No [default]\"");
  }

  @Test
  void render_says_what_an_execution_file_lacks() throws IOException {
    Path definition = file("check.asl.json", DEFINITION);
    Path result = file("result.json", "{\"status\": \"SUCCEEDED\"}");

    assertThat(cli("render", "--definition", definition.toString(), "--execution", result.toString())).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no \"events\" array");
  }

  @Test
  void coverage_merge_builds_one_report_from_several_modules_and_applies_the_minimum() throws IOException {
    String raw = """
        {"format": "sfn-test-coverage-raw/1", "machines": [{"name": "Check", "hash": "%s", "executions": 1,
          "tests": ["%s"], "hits": {"s:Check": ["%s"], "s:%s": ["%s"]}, "definition": %s}]}
        """;
    String definitionJson = Json.write(Json.parse(DEFINITION));
    file("a/target/sfn-test-coverage/raw/coverage-1.json",
        raw.formatted("abc", "ATest > yes()", "ATest > yes()", "Yes", "ATest > yes()", definitionJson));
    file("b/target/sfn-test-coverage/raw/coverage-2.json",
        raw.formatted("abc", "BSpec > no", "BSpec > no", "No", "BSpec > no", definitionJson));

    int code = cli("coverage-merge", "--input", dir.resolve("a/target/sfn-test-coverage").toString(),
        "--input", dir.resolve("b/target/sfn-test-coverage").toString(), "--output", dir.resolve("all").toString(),
        "--minimum", "transitions:100");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("transitions coverage 0.0%",
        "transition Check \u2192 Yes (Rule #1)");
    var coverage = Json.parse(Files.readString(dir.resolve("all/coverage.json")));
    assertThat(coverage.at("/machines/0/states/covered").asInt()).isEqualTo(3);
    assertThat(coverage.at("/machines/0/tests")).extracting(n -> n.asText()).containsExactly("ATest > yes()", "BSpec > no");
  }

  @Test
  void coverage_merge_names_an_input_without_raw_files() {
    assertThat(cli("coverage-merge", "--input", dir.resolve("nothing").toString(), "--output", dir.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no coverage data at");
  }
}
