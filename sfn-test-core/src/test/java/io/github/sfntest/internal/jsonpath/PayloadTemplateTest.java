package io.github.sfntest.internal.jsonpath;

import static io.github.sfntest.internal.jsonpath.TestScope.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.intrinsics.IntrinsicEnvironment;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {

  private final TestScope scope = TestScope.of("{\"name\":\"Ada\",\"items\":[{\"v\":1},{\"v\":2}]}").withVariable("who", "{\"id\":7}");

  private static final IntrinsicEnvironment NO_INTRINSICS =
      new IntrinsicEnvironment() {
        @Override
        public JsonNode readPath(String path, EvaluationScope scope) {
          return CompiledPath.compile(path).read(scope);
        }

        @Override
        public RandomGenerator random() {
          throw new UnsupportedOperationException();
        }
      };

  private JsonNode eval(String template) {
    return PayloadTemplate.compile(json(template)).evaluate(scope, NO_INTRINSICS);
  }

  @Test
  void dollar_keys_take_paths_and_lose_their_suffix() {
    assertThat(eval("{\"n.$\":\"$.name\",\"fixed\":\"$.name\",\"all.$\":\"$\"}"))
        .isEqualTo(json("{\"n\":\"Ada\",\"fixed\":\"$.name\",\"all\":" + scope.input() + "}"));
  }

  @Test
  void reads_context_object_and_variables() {
    assertThat(eval("{\"in.$\":\"$$.Execution.Input.name\",\"id.$\":\"$who.id\"}")).isEqualTo(json("{\"in\":\"Ada\",\"id\":7}"));
  }

  @Test
  void indefinite_paths_yield_arrays() {
    assertThat(eval("{\"vs.$\":\"$.items[*].v\",\"none.$\":\"$.nothing[*]\"}")).isEqualTo(json("{\"vs\":[1,2],\"none\":[]}"));
  }

  @Test
  void nested_objects_and_arrays_are_templated_too() {
    assertThat(eval("{\"a\":{\"b.$\":\"$.name\",\"c\":[1,{\"d.$\":\"$.items[0].v\"}]},\"k\":{\"x\":1}}"))
        .isEqualTo(json("{\"a\":{\"b\":\"Ada\",\"c\":[1,{\"d\":1}]},\"k\":{\"x\":1}}"));
  }

  @Test
  void a_template_without_paths_is_returned_as_is() {
    JsonNode template = json("{\"a\":[1,2],\"b\":{\"c\":null}}");
    assertThat(PayloadTemplate.compile(template).evaluate(scope, NO_INTRINSICS)).isSameAs(template);
  }

  @Test
  void a_path_matching_nothing_fails_with_the_field_and_the_input() {
    assertThatThrownBy(() -> eval("{\"value.$\":\"$.no_such_jsonpath\"}"))
        .isInstanceOf(StatesException.class)
        .extracting(e -> ((StatesException) e).error(), e -> ((StatesException) e).cause())
        .containsExactly(
            "States.Runtime",
            "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '"
                + "{\"name\":\"Ada\",\"items\":[{\"v\":1},{\"v\":2}]}'");
  }

  @Test
  void a_context_path_matching_nothing_names_the_context_path() {
    assertThatThrownBy(() -> eval("{\"value.$\":\"$$.Execution.Input.no_such_jsonpath\"}"))
        .extracting(e -> ((StatesException) e).cause())
        .asString()
        .startsWith("The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{");
  }

  @Test
  void intrinsic_calls_are_parsed_once_and_evaluated_with_the_environment() {
    int[] parsed = {0};
    PayloadTemplate template =
        PayloadTemplate.compile(
            json("{\"greeting.$\":\"States.Format('Hi {}', $.name)\",\"plain.$\":\"$.name\"}"),
            text -> {
              parsed[0]++;
              assertThat(text).isEqualTo("States.Format('Hi {}', $.name)");
              return (s, env) -> TextNode.valueOf("Hi " + env.readPath("$.name", s).textValue());
            });
    assertThat(template.evaluate(scope, NO_INTRINSICS)).isEqualTo(json("{\"greeting\":\"Hi Ada\",\"plain\":\"Ada\"}"));
    assertThat(template.evaluate(scope, NO_INTRINSICS)).isEqualTo(json("{\"greeting\":\"Hi Ada\",\"plain\":\"Ada\"}"));
    assertThat(parsed[0]).isEqualTo(1);
  }

  @Test
  void a_dollar_key_needs_a_string_value() {
    assertThatThrownBy(() -> PayloadTemplate.compile(json("{\"a.$\":1}"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PayloadTemplate.compile(json("{\"a.$\":\"name\"}"))).isInstanceOf(IllegalArgumentException.class);
  }
}
