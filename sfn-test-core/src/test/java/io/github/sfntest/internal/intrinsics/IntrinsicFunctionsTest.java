package io.github.sfntest.internal.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionsTest {

  private static JsonNode eval(String call, String input) {
    return eval(call, FakeIntrinsicEnvironment.scope(input), 7L);
  }

  private static JsonNode eval(String call, EvaluationScope scope, long seed) {
    return IntrinsicFunctions.parse(call).evaluate(scope, new FakeIntrinsicEnvironment(seed));
  }

  private static String json(String call, String input) {
    return Json.write(eval(call, input));
  }

  private static StatesException failure(String call, String input) {
    try {
      eval(call, input);
    } catch (StatesException e) {
      return e;
    }
    throw new AssertionError("expected " + call + " to fail on " + input);
  }

  @Nested
  class Parsing {

    @Test
    void recognises_intrinsic_calls_by_their_states_prefix() {
      assertThat(IntrinsicFunctions.isIntrinsicCall("States.UUID()")).isTrue();
      assertThat(IntrinsicFunctions.isIntrinsicCall("$.States")).isFalse();
    }

    @Test
    void nested_calls_are_evaluated_inside_out() {
      assertThat(json("States.Format('Hello {}, you have {} items', $.name, States.ArrayLength($.items))",
              "{\"name\":\"Ann\",\"items\":[1,2,3]}"))
          .isEqualTo("\"Hello Ann, you have 3 items\"");
    }

    @Test
    void whitespace_between_tokens_is_ignored() {
      assertThat(json("States.Array( 1 ,\t'a' , $.x )", "{\"x\":true}")).isEqualTo("[1,\"a\",true]");
    }

    @Test
    void string_escapes_give_quote_braces_and_backslash() {
      assertThat(eval("States.Format('It\\'s \\{\\} {} \\\\', $.a)", "{\"a\":\"X\"}").textValue())
          .isEqualTo("It's {} X \\");
    }

    @Test
    void escaped_braces_are_not_format_placeholders() {
      assertThat(eval("States.Format('\\{\\}')", "{}").textValue()).isEqualTo("{}");
    }

    @Test
    void number_literals_keep_their_exact_value() {
      assertThat(json("States.Array(-2, 0, 1.50, -0.25, 1e2, 12345678901234567890)", "{}"))
          .isEqualTo("[-2,0,1.50,-0.25,100,12345678901234567890]");
    }

    @Test
    void keyword_literals_are_true_false_and_null() {
      assertThat(json("States.Array(true, false, null)", "{}")).isEqualTo("[true,false,null]");
    }

    @Test
    void path_arguments_may_contain_commas_and_parentheses_in_brackets_and_filters() {
      String input = "{\"a,b\":1,\"items\":[{\"x\":\"p,q\",\"v\":1},{\"x\":\"r\",\"v\":2}]}";
      assertThat(json("States.Array($['a,b'], $.items[?(@.x == 'p,q')].v, $)", input))
          .isEqualTo("[1,[1]," + Json.write(Json.parse(input)) + "]");
    }

    @Test
    void context_and_variable_paths_are_read_through_the_environment() {
      EvaluationScope scope =
          FakeIntrinsicEnvironment.scope(
              Json.parse("{}"),
              Json.parse("{\"Execution\":{\"Id\":\"exec-1\"}}"),
              Map.of("order", Json.parse("{\"id\":42}")));
      assertThat(Json.write(eval("States.Array($$.Execution.Id, $order.id, $order)", scope, 1L)))
          .isEqualTo("[\"exec-1\",42,{\"id\":42}]");
    }

    @Test
    void a_parsed_call_can_be_evaluated_many_times() {
      IntrinsicCall call = IntrinsicFunctions.parse("States.MathAdd($.n, 1)");
      FakeIntrinsicEnvironment environment = new FakeIntrinsicEnvironment(1L);
      assertThat(call.evaluate(FakeIntrinsicEnvironment.scope("{\"n\":1}"), environment).intValue()).isEqualTo(2);
      assertThat(call.evaluate(FakeIntrinsicEnvironment.scope("{\"n\":5}"), environment).intValue()).isEqualTo(6);
    }

    @Test
    void syntax_errors_name_the_position_and_what_was_expected() {
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.Array(1, 2"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("position 17")
          .hasMessageContaining("expected ',' or ')'");
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.Array(1) x"))
          .hasMessageContaining("position 16")
          .hasMessageContaining("expected end of the intrinsic function call");
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.Array(1,)"))
          .hasMessageContaining("position 15")
          .hasMessageContaining("expected an argument");
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.Array"))
          .hasMessageContaining("expected '('");
    }

    @Test
    void unterminated_strings_and_stray_escapes_are_syntax_errors() {
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.Format('abc)"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Unterminated string literal starting at position 14");
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.Format('a\\nb')"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("position 17");
    }

    @Test
    void unknown_functions_and_wrong_argument_counts_are_rejected_when_parsing() {
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.Nope()"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Unknown intrinsic function 'States.Nope'");
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.ArrayLength()"))
          .hasMessageContaining("States.ArrayLength expects 1 argument(s) but got 0");
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.MathRandom(1)"))
          .hasMessageContaining("expects 2 to 3 argument(s)");
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.Format()"))
          .hasMessageContaining("expects at least 1 argument(s)");
      assertThatThrownBy(() -> IntrinsicFunctions.parse("States.UUID(1)"))
          .hasMessageContaining("expects 0 argument(s)");
    }
  }

  /** The documented example of every function (AWS Step Functions developer guide). */
  @Nested
  class DocumentedExamples {

    @Test
    void format_fills_placeholders_from_a_literal_or_a_path_template() {
      String input = "{\"name\":\"Arnav\",\"template\":\"Hello, my name is {}.\"}";
      assertThat(eval("States.Format('Hello, my name is {}.', $.name)", input).textValue())
          .isEqualTo("Hello, my name is Arnav.");
      assertThat(eval("States.Format($.template, $.name)", input).textValue())
          .isEqualTo("Hello, my name is Arnav.");
    }

    @Test
    void string_to_json_parses_an_escaped_json_string() {
      assertThat(json("States.StringToJson($.escapedJsonString)", "{\"escapedJsonString\":\"{\\\"foo\\\": \\\"bar\\\"}\"}"))
          .isEqualTo("{\"foo\":\"bar\"}");
    }

    @Test
    void json_to_string_serialises_compactly() {
      assertThat(eval("States.JsonToString($.unescapedJson)", "{\"unescapedJson\":{\"foo\":\"bar\"}}").textValue())
          .isEqualTo("{\"foo\":\"bar\"}");
    }

    @Test
    void array_collects_its_arguments() {
      assertThat(json("States.Array($.Id)", "{\"Id\":123456}")).isEqualTo("[123456]");
    }

    @Test
    void array_partition_splits_into_chunks_of_given_size() {
      assertThat(json("States.ArrayPartition($.inputArray,4)", "{\"inputArray\":[1,2,3,4,5,6,7,8,9]}"))
          .isEqualTo("[[1,2,3,4],[5,6,7,8],[9]]");
    }

    @Test
    void array_contains_finds_a_value() {
      String input = "{\"inputArray\":[1,2,3,4,5,6,7,8,9],\"lookingFor\":5}";
      assertThat(eval("States.ArrayContains($.inputArray, $.lookingFor)", input).booleanValue()).isTrue();
    }

    @Test
    void array_range_counts_from_start_to_end_inclusive_by_step() {
      assertThat(json("States.ArrayRange(1, 9, 2)", "{}")).isEqualTo("[1,3,5,7,9]");
    }

    @Test
    void array_get_item_returns_the_zero_based_element() {
      assertThat(json("States.ArrayGetItem($.inputArray, $.index)", "{\"inputArray\":[1,2,3,4,5,6,7,8,9],\"index\":5}"))
          .isEqualTo("6");
    }

    @Test
    void array_length_counts_elements() {
      assertThat(json("States.ArrayLength($.inputArray)", "{\"inputArray\":[1,2,3,4,5,6,7,8,9]}")).isEqualTo("9");
    }

    @Test
    void array_unique_keeps_first_occurrences_in_order() {
      assertThat(json("States.ArrayUnique($.inputArray)", "{\"inputArray\":[1,2,3,3,3,3,3,3,4]}"))
          .isEqualTo("[1,2,3,4]");
    }

    @Test
    void base64_encode_encodes_utf8_text() {
      assertThat(eval("States.Base64Encode($.input)", "{\"input\":\"Data to encode\"}").textValue())
          .isEqualTo("RGF0YSB0byBlbmNvZGU=");
    }

    @Test
    void base64_decode_decodes_to_text() {
      assertThat(eval("States.Base64Decode($.base64)", "{\"base64\":\"RGF0YSB0byBlbmNvZGU=\"}").textValue())
          .isEqualTo("Data to encode");
    }

    @Test
    void hash_returns_the_lowercase_hex_digest() {
      assertThat(eval("States.Hash($.Data, $.Algorithm)", "{\"Data\":\"input data\",\"Algorithm\":\"SHA-1\"}").textValue())
          .isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
    }

    @Test
    void json_merge_merges_shallowly_with_the_second_object_winning() {
      String input = "{\"json1\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2},\"json2\":{\"a\":{\"a3\":1,\"a4\":2},\"c\":3}}";
      assertThat(json("States.JsonMerge($.json1, $.json2, false)", input))
          .isEqualTo("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3}");
    }

    @Test
    void math_random_stays_within_start_inclusive_end_exclusive() {
      for (long seed = 0; seed < 200; seed++) {
        int value = eval("States.MathRandom($.start, $.end)", FakeIntrinsicEnvironment.scope("{\"start\":1,\"end\":3}"), seed).intValue();
        assertThat(value).isBetween(1, 2);
      }
    }

    @Test
    void math_add_sums_two_integers() {
      assertThat(json("States.MathAdd($.value1, $.step)", "{\"value1\":111,\"step\":-1}")).isEqualTo("110");
    }

    @Test
    void string_split_splits_on_each_delimiter_character() {
      assertThat(json("States.StringSplit($.inputString, $.splitter)", "{\"inputString\":\"1,2,3,4,5\",\"splitter\":\",\"}"))
          .isEqualTo("[\"1\",\"2\",\"3\",\"4\",\"5\"]");
      assertThat(json("States.StringSplit($.inputString, $.splitter)", "{\"inputString\":\"This.is+a,test=string\",\"splitter\":\".+,=\"}"))
          .isEqualTo("[\"This\",\"is\",\"a\",\"test\",\"string\"]");
    }

    @Test
    void uuid_is_a_version_4_uuid() {
      assertThat(eval("States.UUID()", "{}").textValue())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
  }

  @Nested
  class Behaviour {

    @Test
    void format_renders_objects_and_arrays_like_java_collections() {
      assertThat(eval("States.Format('{} {} {} {} {}', $.o, $.a, $.n, $.d, $.s)",
              "{\"o\":{\"k\":\"v\",\"l\":[1,null]},\"a\":[\"x\",true],\"n\":null,\"d\":1.1,\"s\":\"raw\"}").textValue())
          .isEqualTo("{k=v, l=[1, null]} [x, true] null 1.1 raw");
    }

    @Test
    void format_fails_when_placeholders_and_values_differ() {
      StatesException e = failure("States.Format('{} and {}', $.a)", "{\"a\":1}");
      assertThat(e.error()).isEqualTo("States.IntrinsicFailure");
      assertThat(e.cause()).contains("States.Format").contains("2 placeholder(s) but 1 value(s)");
    }

    @Test
    void string_to_json_of_a_blank_string_is_null() {
      assertThat(eval("States.StringToJson($.s)", "{\"s\":\"  \"}").isNull()).isTrue();
    }

    @Test
    void string_to_json_of_invalid_json_fails() {
      assertThat(failure("States.StringToJson($.s)", "{\"s\":\"{nope\"}").cause()).contains("not valid JSON");
    }

    @Test
    void math_add_rounds_each_operand_half_up_like_java() {
      assertThat(json("States.MathAdd(-0.5, 0.5)", "{}")).isEqualTo("1");
      assertThat(json("States.MathAdd(-1.5, 0)", "{}")).isEqualTo("-1");
      assertThat(json("States.MathAdd(-1.51, 0)", "{}")).isEqualTo("-2");
      assertThat(json("States.MathAdd(2147483647, 1)", "{}")).isEqualTo("2147483648");
    }

    @Test
    void math_add_rejects_values_outside_the_int_range() {
      assertThat(failure("States.MathAdd(2147483648, 0)", "{}").cause()).contains("-2147483648 and 2147483647");
    }

    @Test
    void math_random_with_a_seed_is_the_same_every_time() {
      JsonNode first = eval("States.MathRandom(0, 1000, 3)", FakeIntrinsicEnvironment.scope("{}"), 1L);
      JsonNode second = eval("States.MathRandom(0, 1000, 3)", FakeIntrinsicEnvironment.scope("{}"), 99L);
      assertThat(first).isEqualTo(second);
      assertThat(first.intValue()).isEqualTo(new java.util.Random(3).nextInt(1000));
    }

    @Test
    void math_random_without_a_seed_follows_the_execution_random_source() {
      IntrinsicCall call = IntrinsicFunctions.parse("States.MathRandom(0, 1000000)");
      EvaluationScope scope = FakeIntrinsicEnvironment.scope("{}");
      assertThat(call.evaluate(scope, new FakeIntrinsicEnvironment(5L)))
          .isEqualTo(call.evaluate(scope, new FakeIntrinsicEnvironment(5L)));
    }

    @Test
    void uuid_is_deterministic_for_a_seeded_execution() {
      assertThat(eval("States.UUID()", FakeIntrinsicEnvironment.scope("{}"), 11L))
          .isEqualTo(eval("States.UUID()", FakeIntrinsicEnvironment.scope("{}"), 11L))
          .isNotEqualTo(eval("States.UUID()", FakeIntrinsicEnvironment.scope("{}"), 12L));
    }

    @Test
    void array_range_supports_negative_steps_and_empty_ranges() {
      assertThat(json("States.ArrayRange(9, 1, -4)", "{}")).isEqualTo("[9,5,1]");
      assertThat(json("States.ArrayRange(5, 1, 1)", "{}")).isEqualTo("[]");
    }

    @Test
    void array_range_allows_at_most_1000_items() {
      assertThat(eval("States.ArrayRange(1, 1000, 1)", "{}").size()).isEqualTo(1000);
      StatesException e = failure("States.ArrayRange(1, 1001, 1)", "{}");
      assertThat(e.error()).isEqualTo("States.IntrinsicFailure");
      assertThat(e.cause()).contains("1001 items").contains("1000");
    }

    @Test
    void array_range_requires_a_non_zero_integer_step() {
      assertThat(failure("States.ArrayRange(1, 5, 0)", "{}").cause()).contains("non-zero");
      assertThat(failure("States.ArrayRange(1, 5, 1.5)", "{}").cause()).contains("must be an integer");
    }

    @Test
    void array_partition_requires_a_positive_chunk_size() {
      assertThat(failure("States.ArrayPartition($.a, 0)", "{\"a\":[1]}").cause()).contains("positive integer");
      assertThat(failure("States.ArrayPartition($.a, 1)", "{\"a\":{}}").cause()).contains("must be an array");
    }

    @Test
    void array_get_item_fails_outside_the_array() {
      assertThat(failure("States.ArrayGetItem($.a, 3)", "{\"a\":[1,2,3]}").cause())
          .contains("index 3 is out of bounds for an array of 3 items");
    }

    @Test
    void array_contains_and_unique_compare_json_values_structurally() {
      assertThat(json("States.ArrayContains($.a, $.b)", "{\"a\":[{\"x\":1,\"y\":[]}],\"b\":{\"y\":[],\"x\":1.0}}")).isEqualTo("true");
      assertThat(json("States.ArrayUnique($.a)", "{\"a\":[null,null,1,1.0,\"1\",[],[],{\"a\":1},{\"a\":1},{\"a\":2}]}"))
          .isEqualTo("[null,1,\"1\",[],{\"a\":1},{\"a\":2}]");
    }

    @Test
    void base64_and_hash_accept_at_most_10000_characters() {
      String ok = "{\"s\":\"" + "a".repeat(10_000) + "\"}";
      String tooLong = "{\"s\":\"" + "a".repeat(10_001) + "\"}";
      assertThat(eval("States.Base64Encode($.s)", ok).textValue()).hasSize(13_336);
      assertThat(failure("States.Base64Encode($.s)", tooLong).cause()).contains("10000 characters");
      assertThat(failure("States.Base64Decode($.s)", tooLong).cause()).contains("10000 characters");
      assertThat(failure("States.Hash($.s, 'MD5')", tooLong).cause()).contains("10000 characters");
    }

    @Test
    void base64_decode_rejects_invalid_input() {
      assertThat(failure("States.Base64Decode('%%%')", "{}").cause()).contains("not valid Base64");
    }

    @Test
    void hash_supports_exactly_the_five_documented_algorithms() {
      assertThat(eval("States.Hash('input data', 'SHA-256')", "{}").textValue()).hasSize(64);
      assertThat(failure("States.Hash('input data', 'SHA-224')", "{}").cause())
          .contains("MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    }

    @Test
    void json_merge_refuses_deep_merge() {
      assertThat(failure("States.JsonMerge($.a, $.b, true)", "{\"a\":{},\"b\":{}}").cause()).contains("must be false");
      assertThat(failure("States.JsonMerge($.a, $.b, false)", "{\"a\":[],\"b\":{}}").cause()).contains("JSON object");
    }

    @Test
    void string_split_drops_empty_pieces() {
      assertThat(json("States.StringSplit(',a,,b,', ',')", "{}")).isEqualTo("[\"a\",\"b\"]");
      assertThat(json("States.StringSplit('', ',')", "{}")).isEqualTo("[]");
    }

    @Test
    void type_errors_report_the_function_and_the_value() {
      StatesException e = failure("States.ArrayLength($.a)", "{\"a\":\"text\"}");
      assertThat(e.error()).isEqualTo("States.IntrinsicFailure");
      assertThat(e.cause()).isEqualTo("Invalid arguments in States.ArrayLength: the argument must be an array, but was string \"text\"");
    }

    @Test
    void path_failures_from_the_environment_propagate_unchanged() {
      StatesException e = failure("States.ArrayLength($.missing)", "{}");
      assertThat(e.cause()).contains("$.missing");
    }
  }
}
