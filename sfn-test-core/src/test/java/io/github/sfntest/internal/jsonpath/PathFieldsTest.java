package io.github.sfntest.internal.jsonpath;

import static io.github.sfntest.internal.jsonpath.TestScope.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.sfntest.internal.StatesException;
import org.junit.jupiter.api.Test;

class PathFieldsTest {

  private final TestScope scope = TestScope.of("{\"a\":{\"b\":1},\"list\":[1,2]}").withVariable("answer", "42");

  @Test
  void absent_input_path_keeps_the_input_and_null_yields_an_empty_object() {
    assertThat(PathFields.selector(null).apply(scope)).isSameAs(scope.input());
    assertThat(PathFields.selector(TextNode.valueOf("$")).apply(scope)).isSameAs(scope.input());
    assertThat(PathFields.selector(NullNode.getInstance()).apply(scope)).isEqualTo(json("{}"));
  }

  @Test
  void a_path_selects_from_input_context_or_variable() {
    assertThat(PathFields.selector(TextNode.valueOf("$.a")).apply(scope)).isEqualTo(json("{\"b\":1}"));
    assertThat(PathFields.selector(TextNode.valueOf("$$.Execution.Input.list[1]")).apply(scope)).isEqualTo(json("2"));
    assertThat(PathFields.selector(TextNode.valueOf("$answer")).apply(scope)).isEqualTo(json("42"));
  }

  @Test
  void a_selector_matching_nothing_fails_with_jayways_message() {
    assertThatThrownBy(() -> PathFields.selector(TextNode.valueOf("$.no.such.result.path")).apply(TestScope.of("{}")))
        .isInstanceOf(StatesException.class)
        .extracting(e -> ((StatesException) e).cause())
        .isEqualTo("Invalid path '$.no.such.result.path' : Missing property in path $['no']");
  }

  @Test
  void selector_fields_must_be_reference_paths() {
    assertThatThrownBy(() -> PathFields.selector(TextNode.valueOf("$.list[*]"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathFields.selector(json("1"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void absent_result_path_replaces_the_input_and_null_discards_the_result() {
    JsonNode input = scope.input();
    assertThat(PathFields.resultPath(null).apply(input, json("\"r\""))).isEqualTo(json("\"r\""));
    assertThat(PathFields.resultPath(NullNode.getInstance()).apply(input, json("\"r\""))).isSameAs(input);
  }

  @Test
  void result_path_writes_into_a_copy_creating_missing_objects() {
    JsonNode input = scope.input();
    JsonNode out = PathFields.resultPath(TextNode.valueOf("$.x.y.z")).apply(input, json("5"));
    assertThat(out).isEqualTo(json("{\"a\":{\"b\":1},\"list\":[1,2],\"x\":{\"y\":{\"z\":5}}}"));
    assertThat(input).isEqualTo(json("{\"a\":{\"b\":1},\"list\":[1,2]}"));
    assertThat(out.get("list")).isSameAs(input.get("list"));
  }

  @Test
  void result_path_replaces_an_existing_value_in_place() {
    JsonNode out = PathFields.resultPath(TextNode.valueOf("$.a.b")).apply(scope.input(), json("{\"n\":1}"));
    assertThat(out).isEqualTo(json("{\"a\":{\"b\":{\"n\":1}},\"list\":[1,2]}"));
    JsonNode indexed = PathFields.resultPath(TextNode.valueOf("$.list[1]")).apply(scope.input(), json("9"));
    assertThat(indexed.get("list")).isEqualTo(json("[1,9]"));
  }

  @Test
  void result_path_into_a_non_object_is_a_runtime_error() {
    assertThatThrownBy(() -> PathFields.resultPath(TextNode.valueOf("$.a.b.c")).apply(scope.input(), json("1")))
        .isInstanceOf(StatesException.class)
        .extracting(e -> ((StatesException) e).error())
        .isEqualTo("States.Runtime");
  }

  @Test
  void result_path_may_only_target_the_input() {
    assertThatThrownBy(() -> PathFields.resultPath(TextNode.valueOf("$$.Execution"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathFields.resultPath(TextNode.valueOf("$answer"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathFields.resultPath(TextNode.valueOf("$..a"))).isInstanceOf(IllegalArgumentException.class);
  }
}
