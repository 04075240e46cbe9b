package io.github.sfntest.internal.jsonata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfntest.internal.json.Json;
import org.junit.jupiter.api.Test;

class JsonataValuesTest {

  private static String roundTrip(String json) {
    return Json.write(JsonataValues.toNode(JsonataValues.toJsonata(Json.parse(json))));
  }

  private static String eval(String expression, String inputJson) {
    JsonataTemplate template =
        JsonataTemplate.compile(Json.NODES.textNode("{% " + expression + " %}"), "Output");
    return Json.write(
        template.evaluate(new TestScope(), TestScope.states(inputJson), TestScope.runtime()));
  }

  @Test
  void json_round_trips_through_jsonata_values() {
    String doc = "{\"s\":\"x\",\"n\":null,\"b\":false,\"a\":[1,-2,0.5,{}],\"o\":{\"k\":[]}}";
    assertThat(roundTrip(doc)).isEqualTo(doc);
  }

  @Test
  void integers_stay_exact_within_long_range() {
    assertThat(roundTrip("9007199254740993")).isEqualTo("9007199254740993");
    assertThat(eval("$states.input.big", "{\"big\":9223372036854775807}"))
        .isEqualTo("9223372036854775807");
  }

  @Test
  void numbers_render_like_javascript() {
    assertThat(roundTrip("1.0")).isEqualTo("1");
    assertThat(roundTrip("1.50")).isEqualTo("1.5");
    assertThat(roundTrip("-0.0")).isEqualTo("0");
    assertThat(eval("0.1 + 0.2", "{}")).isEqualTo("0.30000000000000004");
    assertThat(eval("10 / 4", "{}")).isEqualTo("2.5");
    assertThat(eval("$states.input.x * 2", "{\"x\":1.5}")).isEqualTo("3");
    // Large doubles print their shortest digits zero-padded, as JavaScript does.
    assertThat(Json.write(JsonataValues.numberNode(Math.pow(2, 60)))).isEqualTo("1152921504606847000");
    assertThat(Json.write(JsonataValues.numberNode(1e21))).isEqualTo("1000000000000000000000");
  }

  @Test
  void decimals_are_javascript_doubles() {
    assertThat(roundTrip("0.1000000000000000055511151231257827")).isEqualTo("0.1");
  }

  @Test
  void null_is_distinct_from_undefined() {
    assertThat(eval("$states.input.a", "{\"a\":null}")).isEqualTo("null");
    assertThat(eval("$type($states.input.a)", "{\"a\":null}")).isEqualTo("\"null\"");
    assertThat(eval("$exists($states.input.b)", "{\"a\":null}")).isEqualTo("false");
    assertThat(eval("{'a': $states.input.missing, 'b': 1}", "{}")).isEqualTo("{\"b\":1}");
    assertThat(JsonataValues.toNode(null)).isNull();
  }

  @Test
  void type_names_follow_aws_wording() {
    assertThat(JsonataValues.typeName(Json.parse("[]"))).isEqualTo("array");
    assertThat(JsonataValues.typeName(Json.parse("{}"))).isEqualTo("object");
    assertThat(JsonataValues.typeName(Json.parse("1.5"))).isEqualTo("number");
    assertThat(JsonataValues.typeName(Json.parse("null"))).isEqualTo("null");
    assertThat(JsonataType.BOOLEAN.matches(Json.parse("true"))).isTrue();
    assertThat(JsonataType.STRING.matches(Json.parse("1"))).isFalse();
  }
}
