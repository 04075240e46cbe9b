package io.github.sfntest.internal.asl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.validation.DefinitionValidator;
import org.junit.jupiter.api.Test;

/** The parser builds the model of a validated definition; languages inherit from the top level. */
class AslParserTest {

  private static StateMachineModel parseValid(String text) {
    assertThat(DefinitionValidator.validate(text)).isEmpty();
    return AslParser.parse(Json.parse(text));
  }

  @Test
  void states_inherit_the_top_level_query_language_unless_they_set_their_own() {
    StateMachineModel model = parseValid("""
        {"StartAt": "A", "TimeoutSeconds": 30, "States": {
          "A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% 1 %}", "Next": "B"},
          "B": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "C", "States": {"C": {"Type": "Succeed"}}}]}}}""");
    assertThat(model.queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
    assertThat(model.timeoutSeconds()).isEqualTo(30);
    assertThat(model.root().startAt()).isEqualTo("A");
    assertThat(model.root().states().get("A").common().queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
    assertThat(model.root().states().get("B").common().queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
    State.Parallel parallel = (State.Parallel) model.root().states().get("B");
    assertThat(parallel.branches().get(0).states().get("C").common().type()).isEqualTo(StateType.SUCCEED);
  }

  @Test
  void a_JSONata_machine_passes_its_language_down_to_nested_states() {
    StateMachineModel model = parseValid("""
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {
          "M": {"Type": "Map", "Items": "{% [1, 2] %}", "End": true, "ItemProcessor":
            {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}""");
    State.Map map = (State.Map) model.root().states().get("M");
    assertThat(map.common().queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
    assertThat(map.processor().states().get("I").common().queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
  }
}
