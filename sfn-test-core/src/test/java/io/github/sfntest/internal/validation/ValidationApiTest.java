package io.github.sfntest.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.cli.ValidateCommand;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.InvalidDefinitionException;
import io.github.sfntest.definition.Severity;
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

/** The exception, the data API and the validate command. */
class ValidationApiTest {

  private static final String TWO_PROBLEMS = """
      {
        "StartAt": "Charge",
        "States": {
          "Charge": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Nexxt": "Done",
            "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 0}]
          },
          "Done": {"Type": "Succeed"}
        }
      }
      """;

  private static final String VALID = """
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"n": "$.name"}, "End": true}}}
      """;

  @Test
  void require_valid_throws_an_exception_listing_every_problem_one_per_line() {
    assertThatThrownBy(() -> DefinitionValidator.requireValid(TWO_PROBLEMS))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
          assertThat(e.diagnostics()).hasSize(4).allMatch(Diagnostic::isError);
          assertThat(e.getMessage()).isEqualTo("""
              Invalid state machine definition: 4 errors
              /States/Charge (line 4, column 15): Task state "Charge" has neither "Next" nor "End": true; every Task\
               state must say where to go [SCHEMA_VALIDATION_FAILED]
              /States/Charge/Nexxt (line 7, column 7): Field 'Nexxt' is not supported (unknown field "Nexxt" in Task\
               state "Charge"; did you mean "Next"?) [SCHEMA_VALIDATION_FAILED]
              /States/Charge/Retry/0/IntervalSeconds (line 8, column 68): IntervalSeconds must be >= 1 (was 0)\
               [SCHEMA_VALIDATION_FAILED]
              /States/Done (line 10, column 5): State "Done" is not reachable. (State "Done" is not reachable: no\
               StartAt, Next, Default or Catch Next in this scope leads to it) [MISSING_TRANSITION_TARGET]""");
        });
  }

  @Test
  void require_valid_returns_warnings_of_a_usable_definition() {
    List<Diagnostic> warnings = DefinitionValidator.requireValid(VALID);
    assertThat(warnings).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.code()).isEqualTo("NO_DOLLAR");
      assertThat(d.format()).endsWith("[NO_DOLLAR, WARNING]");
    });
  }

  @Test
  void a_parsed_tree_with_its_locations_validates_like_the_text() {
    LocatedDocument doc = DefinitionValidator.parse(TWO_PROBLEMS);
    assertThat(DefinitionValidator.validate(doc)).isEqualTo(DefinitionValidator.validate(TWO_PROBLEMS));
  }

  @Test
  void a_tree_without_source_reports_line_one_column_one() {
    JsonNode tree = Json.parse("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\"}}}");
    assertThat(DefinitionValidator.validate(tree))
        .containsExactly(new Diagnostic("SCHEMA_VALIDATION_FAILED", Severity.ERROR, "/States/A", 1, 1,
            "Pass state \"A\" has neither \"Next\" nor \"End\": true; every Pass state must say where to go"),
            new Diagnostic("MISSING_END_STATE", Severity.ERROR, "/States", 1, 1,
                "The state machine has no terminal state: no state has \"End\": true and none is a Succeed or Fail"
                    + " state"));
  }

  @Test
  void pointers_escape_slash_and_tilde_in_state_names() {
    String text = "{\"StartAt\": \"a/b~c\", \"States\": {\"a/b~c\": {\"Type\": \"Pass\", \"End\": \"yes\"}}}";
    assertThat(DefinitionValidator.validate(text)).extracting(Diagnostic::pointer)
        .contains("/States/a~1b~0c/End");
  }

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ValidateCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void cli_validate_exits_zero_for_a_valid_definition(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("ok.asl.json"), VALID);
    Run run = cli("--definition", f.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).endsWith(f + ": valid (0 errors, 1 warning)" + System.lineSeparator());
  }

  @Test
  void cli_validate_prints_every_diagnostic_and_exits_one(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("bad.asl.json"), TWO_PROBLEMS);
    Run run = cli("--definition", f.toString());
    assertThat(run.code()).isEqualTo(1);
    // AWS's message at AWS's location, then our hint on its own line
    assertThat(run.out().lines().toList()).hasSize(7).startsWith(f + ":4:15: ERROR SCHEMA_VALIDATION_FAILED"
        + " /States/Charge: Task state \"Charge\" has neither \"Next\" nor \"End\": true; every Task state must say"
        + " where to go", f + ":7:7: ERROR SCHEMA_VALIDATION_FAILED /States/Charge: Field 'Nexxt' is not supported",
        "    hint: unknown field \"Nexxt\" in Task state \"Charge\"; did you mean \"Next\"?");
    assertThat(run.out()).contains(f + ": INVALID (4 errors, 0 warnings)");
  }

  @Test
  void cli_validate_json_output_is_machine_readable(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("bad.asl.json"), TWO_PROBLEMS);
    Run run = cli("--definition", f.toString(), "--json");
    assertThat(run.code()).isEqualTo(1);
    JsonNode json = Json.parse(run.out());
    assertThat(json.get("result").asText()).isEqualTo("FAIL");
    assertThat(json.get("diagnostics")).hasSize(4);
    JsonNode third = json.get("diagnostics").get(2);
    assertThat(third.get("code").asText()).isEqualTo("SCHEMA_VALIDATION_FAILED");
    assertThat(third.get("severity").asText()).isEqualTo("ERROR");
    assertThat(third.get("location").asText()).isEqualTo("/States/Charge/Retry/0/IntervalSeconds");
    assertThat(third.get("line").asInt()).isEqualTo(8);
    assertThat(third.get("column").asInt()).isEqualTo(68);
    assertThat(third.get("message").asText()).isEqualTo("IntervalSeconds must be >= 1 (was 0)");
  }

  @Test
  void cli_validate_reports_usage_errors_with_exit_two(@TempDir Path dir) {
    assertThat(cli().code()).isEqualTo(2);
    assertThat(cli("--definition").code()).isEqualTo(2);
    Run missing = cli("--definition", dir.resolve("nope.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("cannot read definition ");
  }

  @Test
  void cli_validate_reads_yaml_definitions_and_reports_yaml_positions() throws Exception {
    Path f = Path.of(ValidationApiTest.class.getResource("/validation/bad-retry.asl.yaml").toURI());
    Run run = cli("--definition", f.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out().lines().toList()).containsExactly(
        f + ":12:26: ERROR SCHEMA_VALIDATION_FAILED /States/Charge/Retry/0/IntervalSeconds: IntervalSeconds must be"
            + " >= 1 (was 0)",
        f + ":13:11: ERROR MISSING_TRANSITION_TARGET /States/Charge/Next: Missing 'Next' target: Recipt",
        "    hint: Missing 'Next' target: no state named \"Recipt\" in this scope; did you mean \"Receipt\"?",
        f + ":14:3: ERROR MISSING_TRANSITION_TARGET /States/Receipt: State \"Receipt\" is not reachable.",
        "    hint: State \"Receipt\" is not reachable: no StartAt, Next, Default or Catch Next in this scope leads to it",
        f + ": INVALID (3 errors, 0 warnings)");
  }
}
