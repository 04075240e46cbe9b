package io.github.sfntest.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.definition.Diagnostic;
import io.github.sfntest.internal.asl.QueryLanguage;
import io.github.sfntest.internal.json.Json;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each rule can be run on its own, over one state, with a context that says the machine type;
 * it reports only its own concern through the shared collector.
 */
class StateRuleUnitTest {

  /** Runs one rule over state "S" of a one-scope definition whose states are {@code statesJson}. */
  private static List<Diagnostic> run(String statesJson, MachineType type,
      Function<ValidationContext, StateRule> rule) {
    JsonNode root = Json.parse("{\"StartAt\": \"S\", \"States\": " + statesJson.replace('\'', '"') + "}");
    ValidationContext ctx = new ValidationContext(LocatedDocument.withoutLocations(root), type);
    JsonNode s = root.get("States").get("S");
    String stateType = s.get("Type").asText();
    Set<String> names = Set.copyOf(Json.parse(statesJson.replace('\'', '"')).properties().stream()
        .map(java.util.Map.Entry::getKey).toList());
    StateNode node = new StateNode("S", s, "/States/S", stateType, QueryLanguage.JSONPATH,
        stateType + " state \"S\"", FieldSpecs.STATE_FIELDS.get(stateType), names, "/States");
    rule.apply(ctx).check(node);
    return ctx.out.list();
  }

  @Test
  void retry_rule_alone_reports_only_the_misplaced_States_ALL() {
    List<Diagnostic> found = run("{'S': {'Type': 'Task', 'Resource': 'not an arn', 'Nexxt': 'X',"
        + " 'Retry': [{'ErrorEquals': ['States.ALL']}, {'ErrorEquals': ['E']}], 'End': true}}",
        MachineType.STANDARD, RetryCatchRule::new);
    assertThat(found).extracting(Diagnostic::pointer).containsExactly("/States/S/Retry/0/ErrorEquals/0");
    assertThat(found.get(0).message()).isEqualTo("a retrier with States.ALL must be the last one (it is 1 of 2)");
  }

  @Test
  void transition_rule_alone_finds_a_missing_target_with_a_near_miss_hint() {
    List<Diagnostic> found = run("{'S': {'Type': 'Pass', 'Next': 'Fnal'}, 'Final': {'Type': 'Succeed'}}",
        MachineType.EXPRESS, TransitionRule::new);
    assertThat(found).extracting(Diagnostic::code).containsExactly(Diagnostics.TRANSITION);
    assertThat(found.get(0).message()).isEqualTo("Missing 'Next' target: Fnal");
    assertThat(found.get(0).hint())
        .isEqualTo("Missing 'Next' target: no state named \"Fnal\" in this scope; did you mean \"Final\"?");
  }

  @Test
  void a_field_of_other_types_is_said_to_belong_to_the_first_of_them_in_a_fixed_order() {
    List<Diagnostic> found = run("{'S': {'Type': 'Succeed', 'Retry': []}}", MachineType.STANDARD,
        StateFieldsRule::new);
    assertThat(found).extracting(Diagnostic::hint).containsExactly(
        "unknown field \"Retry\" in Succeed state \"S\"; \"Retry\" belongs to Task states");
    List<Diagnostic> fail = run("{'S': {'Type': 'Fail', 'Output': 1}}", MachineType.STANDARD, StateFieldsRule::new);
    assertThat(fail).extracting(Diagnostic::hint).containsExactly(
        "unknown field \"Output\" in Fail state \"S\"; \"Output\" belongs to Task states");
  }

  @Test
  void a_rule_sees_the_machine_type_of_its_run() {
    JsonNode root = Json.parse("{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}}");
    for (MachineType type : MachineType.values()) {
      ValidationContext ctx = new ValidationContext(LocatedDocument.withoutLocations(root), type);
      assertThat(ctx.machineType).isEqualTo(type);
      assertThat(new MachineWalker(ctx).run()).isEmpty();
    }
  }

  @Test
  void the_walker_hands_every_state_of_every_scope_to_the_rules() {
    List<Diagnostic> found = DefinitionValidator.validate(Json.parse("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "Ennd": true, "End": true}}},
          {"StartAt": "B", "States": {"B": {"Type": "Map", "End": true, "ItemProcessor":
            {"StartAt": "C", "States": {"C": {"Type": "Pass", "Ennd": true, "End": true}}}}}}]}}}"""));
    assertThat(found).extracting(Diagnostic::pointer).containsExactly(
        "/States/P/Branches/0/States/A/Ennd",
        "/States/P/Branches/1/States/B/ItemProcessor/States/C/Ennd");
  }

  @Test
  void one_query_language_enum_reads_and_writes_the_ASL_names() {
    for (QueryLanguage q : QueryLanguage.values()) {
      assertThat(QueryLanguage.of(q.aslName())).isSameAs(q);
    }
    assertThat(QueryLanguage.of("jsonata")).isNull();
    assertThat(QueryLanguage.of("JSONata")).isEqualTo(QueryLanguage.JSONATA);
  }
}
