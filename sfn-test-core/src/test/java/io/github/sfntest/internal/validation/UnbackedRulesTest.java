package io.github.sfntest.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.definition.Severity;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Engine;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.history.HistoryEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules no AWS documentation or recorded AWS answer backs warn instead of rejecting (the
 * evidence audit, {@link ValidationEvidenceTest}): each definition below validates with exactly one
 * WARNING of the rule's code, whose hint says AWS may accept it, and runs as the States Language
 * says it runs.
 */
class UnbackedRulesTest {

  private static Diagnostic onlyWarning(String definition, String code, String pointer) {
    List<Diagnostic> found = DefinitionValidator.validate(definition, "STANDARD");
    assertThat(found).as("diagnostics of %s", definition).hasSize(1);
    Diagnostic d = found.get(0);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.code()).isEqualTo(code);
    assertThat(d.pointer()).isEqualTo(pointer);
    assertThat(d.hint()).isEqualTo(d.message() + Diagnostics.UNBACKED_NOTE);
    return d;
  }

  private static ExecutionResult run(String definition, String input) {
    try (Engine engine = Engine.inProcess()) {
      return engine.run(StartRequest.of(StateMachineDefinition.of("Unbacked", definition), input));
    }
  }

  /** A Parallel state whose one branch fails with {@code error}, then the given Retry/Catch fields. */
  private static String failing(String error, String handling) {
    return "{\"StartAt\": \"P\", \"States\": {"
        + "\"P\": {\"Type\": \"Parallel\", \"Branches\": [{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\","
        + " \"Error\": \"" + error + "\", \"Cause\": \"boom\"}}}]" + handling + ", \"End\": true},"
        + "\"Caught\": {\"Type\": \"Pass\", \"End\": true}}}";
  }

  @Test
  void an_unknown_retrier_field_warns_and_the_retrier_still_retries() {
    String definition = failing("Oops", ", \"Retry\": [{\"ErrorEquals\": [\"Oops\"], \"MaxAttempts\": 2, \"Colour\": \"red\"}],"
        + " \"Catch\": [{\"ErrorEquals\": [\"Oops\"], \"Next\": \"Caught\"}]");
    assertThat(onlyWarning(definition, "UNKNOWN_FIELD", "/States/P/Retry/0/Colour").message())
        .isEqualTo("unknown field \"Colour\" in a retrier");
    ExecutionResult result = run(definition, "{}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.visitedStates()).containsExactly("P", "F", "F", "F", "Caught");
    assertThat(result.history().ofType(HistoryEventType.PARALLEL_STATE_STARTED))
        .as("the first attempt and two retries").hasSize(3);
  }

  @Test
  void an_unknown_catcher_field_warns_and_the_catcher_still_catches() {
    String definition = failing("Oops", ", \"Catch\": [{\"ErrorEquals\": [\"Oops\"], \"Next\": \"Caught\", \"Colour\": 1}]");
    onlyWarning(definition, "UNKNOWN_FIELD", "/States/P/Catch/0/Colour");
    ExecutionResult result = run(definition, "{}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.visitedStates()).containsExactly("P", "F", "Caught");
  }

  @Test
  void a_jsonpath_field_in_a_jsonata_catcher_warns_and_the_catcher_still_catches() {
    String definition = "{\"QueryLanguage\": \"JSONata\", " + failing("Oops",
        ", \"Catch\": [{\"ErrorEquals\": [\"Oops\"], \"ResultPath\": \"$.error\", \"Next\": \"Caught\"}]").substring(1);
    onlyWarning(definition, "UNKNOWN_FIELD", "/States/P/Catch/0/ResultPath");
    ExecutionResult result = run(definition, "{}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.visitedStates()).containsExactly("P", "F", "Caught");
  }

  @Test
  void an_unknown_states_error_name_warns_and_never_matches() {
    String definition = failing("Oops", ", \"Catch\": [{\"ErrorEquals\": [\"States.Oops\"], \"Next\": \"Caught\"}]");
    onlyWarning(definition, "RESERVED_ERROR_NAME", "/States/P/Catch/0/ErrorEquals/0");
    ExecutionResult result = run(definition, "{}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(result.error()).contains("Oops");
  }

  @Test
  void an_unknown_jsonata_choice_rule_field_warns_and_the_rule_still_chooses() {
    String definition = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"C\", \"States\": {"
        + "\"C\": {\"Type\": \"Choice\", \"Choices\": [{\"Condition\": \"{% $states.input.go %}\", \"Colour\": 1,"
        + " \"Next\": \"Yes\"}], \"Default\": \"No\"},"
        + "\"Yes\": {\"Type\": \"Succeed\"}, \"No\": {\"Type\": \"Succeed\"}}}";
    onlyWarning(definition, "UNKNOWN_FIELD", "/States/C/Choices/0/Colour");
    assertThat(run(definition, "{\"go\": true}").visitedStates()).containsExactly("C", "Yes");
    assertThat(run(definition, "{\"go\": false}").visitedStates()).containsExactly("C", "No");
  }

  @Test
  void empty_branches_warn_and_the_parallel_state_returns_an_empty_array() {
    String definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"Branches\": [], \"End\": true}}}";
    onlyWarning(definition, "EMPTY_BRANCHES", "/States/P/Branches");
    ExecutionResult result = run(definition, "{\"a\": 1}");
    assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(result.output().orElseThrow().toString()).isEqualTo("[]");
  }

  @Test
  void a_comment_that_is_no_string_warns_and_the_state_runs() {
    String definition = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Comment\": 7, \"End\": true}}}";
    onlyWarning(definition, "COMMENT_NOT_STRING", "/States/A/Comment");
    assertThat(run(definition, "{\"a\": 1}").output().orElseThrow().toString()).isEqualTo("{\"a\":1}");
  }

  @Test
  void an_unterminated_jsonata_string_warns_and_is_copied_as_literal_text() {
    String definition = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\","
        + " \"Output\": {\"text\": \"{% 1 + 1\"}, \"End\": true}}}";
    onlyWarning(definition, "NOT_AN_EXPRESSION", "/States/A/Output/text");
    assertThat(run(definition, "{}").output().orElseThrow().toString()).isEqualTo("{\"text\":\"{% 1 + 1\"}");
  }

  @Test
  void a_dollar_key_in_a_jsonata_state_warns_and_is_an_ordinary_field_name() {
    String definition = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\","
        + " \"Output\": {\"total.$\": \"{% 1 + 1 %}\"}, \"End\": true}}}";
    onlyWarning(definition, "DOLLAR_KEY_IN_JSONATA", "/States/A/Output/total.$");
    assertThat(run(definition, "{}").output().orElseThrow().toString()).isEqualTo("{\"total.$\":2}");
  }
}
