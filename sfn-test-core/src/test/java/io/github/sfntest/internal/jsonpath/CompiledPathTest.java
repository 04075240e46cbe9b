package io.github.sfntest.internal.jsonpath;

import static io.github.sfntest.internal.jsonpath.TestScope.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.internal.StatesException;
import org.junit.jupiter.api.Test;

class CompiledPathTest {

  private final TestScope scope =
      TestScope.of("{\"a\":{\"b\":[10,{\"c\":\"x\"}],\"n\":null,\"d\":1.50},\"items\":[{\"k\":1,\"t\":\"x\"},{\"k\":7,\"t\":\"y\"}],\"input-value\":0}")
          .withVariable("answer", "{\"list\":[4,5]}")
          .withVariable("plain", "42");

  @Test
  void reads_plain_definite_paths_from_the_input() {
    assertThat(CompiledPath.compile("$").read(scope)).isEqualTo(scope.input());
    assertThat(CompiledPath.compile("$.a.b[1].c").read(scope)).isEqualTo(json("\"x\""));
    assertThat(CompiledPath.compile("$['a']['b'][0]").read(scope)).isEqualTo(json("10"));
    assertThat(CompiledPath.compile("$.input-value").read(scope)).isEqualTo(json("0"));
  }

  @Test
  void keeps_json_null_and_exact_decimals_as_found_values() {
    assertThat(CompiledPath.compile("$.a.n").find(scope).isNull()).isTrue();
    assertThat(CompiledPath.compile("$.a.d").read(scope).decimalValue().toPlainString()).isEqualTo("1.50");
  }

  @Test
  void reads_context_object_and_variables() {
    assertThat(CompiledPath.compile("$$.State.Name").read(scope)).isEqualTo(json("\"S\""));
    assertThat(CompiledPath.compile("$$").read(scope)).isEqualTo(scope.contextObject());
    assertThat(CompiledPath.compile("$answer.list[1]").read(scope)).isEqualTo(json("5"));
    assertThat(CompiledPath.compile("$plain").read(scope)).isEqualTo(json("42"));
    assertThat(CompiledPath.compile("$answer").variableName()).isEqualTo("answer");
  }

  @Test
  void indefinite_paths_always_return_an_array() {
    assertThat(CompiledPath.compile("$.items[*].k").read(scope)).isEqualTo(json("[1,7]"));
    assertThat(CompiledPath.compile("$.items[?(@.k > 2 && @.t == 'y')].t").read(scope)).isEqualTo(json("[\"y\"]"));
    assertThat(CompiledPath.compile("$..c").read(scope)).isEqualTo(json("[\"x\"]"));
    assertThat(CompiledPath.compile("$.items[0:1].k").read(scope)).isEqualTo(json("[1]"));
    assertThat(CompiledPath.compile("$.a['n','d']").read(scope)).isEqualTo(json("{\"n\":null,\"d\":1.50}"));
  }

  @Test
  void indefinite_paths_over_missing_data_return_an_empty_array() {
    TestScope empty = TestScope.of("{}");
    for (String path : new String[] {"$[*]", "$.item.items[:1]", "$.item.items[1:5].itemValue", "$.items[*].itemValue", "$.items[1:]"}) {
      assertThat(CompiledPath.compile(path).read(empty)).as(path).isEqualTo(json("[]"));
    }
  }

  @Test
  void a_missing_leaf_fails_with_jaywhays_no_results_message() {
    assertThatThrownBy(() -> CompiledPath.compile("$.NoSuchInputPath").read(TestScope.of("{\"int-literal\":0}")))
        .isInstanceOf(StatesException.class)
        .extracting(e -> ((StatesException) e).error(), e -> ((StatesException) e).cause())
        .containsExactly("States.Runtime", "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
  }

  @Test
  void a_missing_intermediate_property_fails_with_jayways_missing_property_message() {
    assertThatThrownBy(() -> CompiledPath.compile("$.no.such.result.path").read(TestScope.of("{}")))
        .extracting(e -> ((StatesException) e).cause())
        .isEqualTo("Invalid path '$.no.such.result.path' : Missing property in path $['no']");
  }

  @Test
  void find_returns_null_when_a_definite_path_matches_nothing() {
    assertThat(CompiledPath.compile("$.a.zz").find(scope)).isNull();
    assertThat(CompiledPath.compile("$.a.b[9]").find(scope)).isNull();
    assertThat(CompiledPath.compile("$.a.b.c").find(scope)).isNull();
    assertThat(CompiledPath.compile("$nobody.x").find(scope)).isNull();
  }

  @Test
  void an_index_past_the_end_is_a_miss_not_a_json_null() {
    assertThatThrownBy(() -> CompiledPath.compile("$.items[5]").read(scope))
        .extracting(e -> ((StatesException) e).cause())
        .isEqualTo("Invalid path '$.items[5]' : No results for path: $['items'][5]");
  }

  @Test
  void negative_indexes_count_from_the_end_like_jayway() {
    assertThat(CompiledPath.compile("$.items[-1].k").read(scope)).isEqualTo(json("7"));
  }

  @Test
  void a_template_field_miss_quotes_the_compact_state_input() {
    assertThatThrownBy(() -> CompiledPath.compile("$.no_such_jsonpath").readField(TestScope.of("{ \"int-literal\" : 0 }"), "value.$"))
        .extracting(e -> ((StatesException) e).cause())
        .isEqualTo("The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"int-literal\":0}'");
  }

  @Test
  void reference_paths_must_be_definite() {
    assertThat(CompiledPath.compileReference("$.a[0].b").isDefinite()).isTrue();
    assertThatThrownBy(() -> CompiledPath.compileReference("$.a[*]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cached_paths_are_compiled_once_per_text() {
    assertThat(CompiledPath.cached("$.a.d")).isSameAs(CompiledPath.cached("$.a.d"));
    assertThat(CompiledPath.cached("$.a.d").read(scope)).isEqualTo(json("1.50"));
  }

  @Test
  void rejects_text_that_is_not_a_path() {
    assertThatThrownBy(() -> CompiledPath.compile("a.b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompiledPath.compile("$.a b")).isInstanceOf(IllegalArgumentException.class);
  }
}
