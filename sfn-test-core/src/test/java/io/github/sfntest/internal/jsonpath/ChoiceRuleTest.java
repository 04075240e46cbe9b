package io.github.sfntest.internal.jsonpath;

import static io.github.sfntest.internal.jsonpath.TestScope.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.internal.StatesException;
import org.junit.jupiter.api.Test;

class ChoiceRuleTest {

  private final TestScope scope =
      TestScope.of(
              "{\"s\":\"abc\",\"s2\":\"abd\",\"n\":2.50,\"n2\":2.5,\"big\":12345678901234567890.000000000000000001,"
                  + "\"b\":true,\"nul\":null,\"ts\":\"2012-10-09T19:00:55Z\",\"ts2\":\"2012-10-09T20:00:55+01:00\","
                  + "\"star\":\"a*b\",\"file\":\"log-2024.txt\",\"obj\":{\"k\":1}}")
          .withVariable("limit", "3");

  private boolean eval(String rule) {
    return ChoiceRule.compile(json(rule)).matches(scope);
  }

  @Test
  void a_top_level_rule_may_list_assign_before_its_operator() {
    // Assign (and Next, Comment) sit beside the comparison in a top-level rule; field order is free
    assertThat(eval("{\"Assign\":{\"x\":1},\"Variable\":\"$.n\",\"Next\":\"A\",\"NumericEquals\":2.5}")).isTrue();
    assertThat(eval("{\"Comment\":\"c\",\"Assign\":{},\"Variable\":\"$.s\",\"StringEquals\":\"x\"}")).isFalse();
  }

  @Test
  void string_comparisons_use_lexicographic_order() {
    assertThat(eval("{\"Variable\":\"$.s\",\"StringEquals\":\"abc\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.s\",\"StringLessThan\":\"abd\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.s\",\"StringGreaterThan\":\"abc\"}")).isFalse();
    assertThat(eval("{\"Variable\":\"$.s\",\"StringLessThanEquals\":\"abc\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.s\",\"StringGreaterThanEquals\":\"abd\"}")).isFalse();
    assertThat(eval("{\"Variable\":\"$.s\",\"StringLessThanPath\":\"$.s2\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.s\",\"StringEqualsPath\":\"$.s2\"}")).isFalse();
  }

  @Test
  void string_matches_supports_wildcards_and_escapes() {
    assertThat(eval("{\"Variable\":\"$.file\",\"StringMatches\":\"log-*.txt\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.file\",\"StringMatches\":\"*.csv\"}")).isFalse();
    assertThat(eval("{\"Variable\":\"$.star\",\"StringMatches\":\"a\\\\*b\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.s\",\"StringMatches\":\"a\\\\*c\"}")).isFalse();
    assertThat(ChoiceRules.wildcard("a\\\\b").matcher("a\\b").matches()).isTrue();
    assertThat(ChoiceRules.wildcard("x.y").matcher("xzy").matches()).isFalse();
  }

  @Test
  void numeric_comparisons_are_exact_by_value() {
    assertThat(eval("{\"Variable\":\"$.n\",\"NumericEquals\":2.5}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.n\",\"NumericEqualsPath\":\"$.n2\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.big\",\"NumericGreaterThan\":12345678901234567890}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.n\",\"NumericLessThan\":3}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.n\",\"NumericLessThanEquals\":2.5}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.n\",\"NumericGreaterThanEquals\":2.51}")).isFalse();
    assertThat(eval("{\"Variable\":\"$.n\",\"NumericLessThanPath\":\"$limit\"}")).isTrue();
  }

  @Test
  void integer_comparisons_mix_int_long_and_decimal_exactly() {
    TestScope ints = TestScope.of("{\"i\":2147483647,\"l\":2147483648,\"neg\":-9223372036854775808,\"d\":2147483647.0}");
    assertThat(ChoiceRule.compile(json("{\"Variable\":\"$.i\",\"NumericLessThanPath\":\"$.l\"}")).matches(ints)).isTrue();
    assertThat(ChoiceRule.compile(json("{\"Variable\":\"$.l\",\"NumericGreaterThan\":2147483647}")).matches(ints)).isTrue();
    assertThat(ChoiceRule.compile(json("{\"Variable\":\"$.neg\",\"NumericLessThanPath\":\"$.i\"}")).matches(ints)).isTrue();
    assertThat(ChoiceRule.compile(json("{\"Variable\":\"$.i\",\"NumericEqualsPath\":\"$.d\"}")).matches(ints)).isTrue();
    assertThat(ChoiceRule.compile(json("{\"Variable\":\"$.l\",\"NumericEqualsPath\":\"$.d\"}")).matches(ints)).isFalse();
  }

  @Test
  void boolean_equals_compares_booleans_only() {
    assertThat(eval("{\"Variable\":\"$.b\",\"BooleanEquals\":true}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.s\",\"BooleanEquals\":true}")).isFalse();
    assertThat(eval("{\"Variable\":\"$.b\",\"BooleanEqualsPath\":\"$.s\"}")).isFalse();
  }

  @Test
  void timestamps_compare_as_instants_across_offsets() {
    assertThat(eval("{\"Variable\":\"$.ts\",\"TimestampEquals\":\"2012-10-09T19:00:55Z\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.ts\",\"TimestampEqualsPath\":\"$.ts2\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.ts\",\"TimestampLessThan\":\"2012-10-09T19:00:56Z\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.ts\",\"TimestampGreaterThan\":\"2012-10-09T19:00:54.999Z\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.ts\",\"TimestampLessThanEquals\":\"2012-10-09T19:00:55Z\"}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.ts\",\"TimestampGreaterThanEquals\":\"2013-01-01T00:00:00Z\"}")).isFalse();
  }

  @Test
  void a_string_that_is_not_an_offset_timestamp_never_matches() {
    assertThat(eval("{\"Variable\":\"$.s\",\"TimestampEquals\":\"2012-10-09T19:00:55Z\"}")).isFalse();
    assertThat(ChoiceRules.parseTimestamp("2012-10-09T19:00:55")).isNull();
    assertThat(ChoiceRules.parseTimestamp("2023-02-24 12:15:56.832957")).isNull();
    assertThat(ChoiceRules.parseTimestamp("2012-10-09T19:00:55.123456789+05:30")).isNotNull();
  }

  @Test
  void type_tests_check_the_json_type() {
    assertThat(eval("{\"Variable\":\"$.nul\",\"IsNull\":true}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.n\",\"IsNumeric\":true}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.s\",\"IsString\":true}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.b\",\"IsBoolean\":false}")).isFalse();
    assertThat(eval("{\"Variable\":\"$.ts\",\"IsTimestamp\":true}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.s\",\"IsTimestamp\":false}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.obj\",\"IsString\":false}")).isTrue();
  }

  @Test
  void is_present_tests_whether_the_path_matches() {
    assertThat(eval("{\"Variable\":\"$.nul\",\"IsPresent\":true}")).isTrue();
    assertThat(eval("{\"Variable\":\"$.missing\",\"IsPresent\":true}")).isFalse();
    assertThat(eval("{\"Variable\":\"$.missing.deeper\",\"IsPresent\":false}")).isTrue();
    assertThat(eval("{\"Variable\":\"$undefinedVar\",\"IsPresent\":false}")).isTrue();
  }

  @Test
  void and_or_not_combine_rules() {
    assertThat(eval("{\"And\":[{\"Variable\":\"$.s\",\"StringEquals\":\"abc\"},{\"Variable\":\"$.b\",\"BooleanEquals\":true}]}")).isTrue();
    assertThat(eval("{\"Or\":[{\"Variable\":\"$.s\",\"StringEquals\":\"x\"},{\"Variable\":\"$.n\",\"NumericEquals\":2.5}]}")).isTrue();
    assertThat(eval("{\"Not\":{\"Variable\":\"$.s\",\"StringEquals\":\"abc\"}}")).isFalse();
  }

  @Test
  void and_stops_at_the_first_false_rule_before_a_missing_variable() {
    assertThat(eval("{\"And\":[{\"Variable\":\"$.s\",\"StringEquals\":\"x\"},{\"Variable\":\"$.missing\",\"StringEquals\":\"y\"}]}")).isFalse();
  }

  @Test
  void a_missing_variable_is_a_runtime_error() {
    assertThatThrownBy(() -> eval("{\"Variable\":\"$.missing\",\"NumericEquals\":1}"))
        .isInstanceOf(StatesException.class)
        .extracting(e -> ((StatesException) e).error(), e -> ((StatesException) e).cause())
        .containsExactly("States.Runtime", "Invalid path '$.missing': The choice state's condition path references an invalid value.");
  }

  @Test
  void a_missing_comparand_path_is_a_runtime_error() {
    assertThatThrownBy(() -> eval("{\"Variable\":\"$.n\",\"NumericEqualsPath\":\"$.other\"}"))
        .extracting(e -> ((StatesException) e).cause())
        .isEqualTo("Invalid path '$.other': The choice state's condition path references an invalid value.");
  }

  @Test
  void a_missing_variable_under_a_type_test_is_a_runtime_error() {
    assertThatThrownBy(() -> eval("{\"Variable\":\"$.missing\",\"IsNull\":true}")).isInstanceOf(StatesException.class);
  }

  @Test
  void malformed_rules_are_rejected_when_compiled() {
    assertThatThrownBy(() -> ChoiceRule.compile(json("{\"Variable\":\"$.n\"}"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChoiceRule.compile(json("{\"Variable\":\"$.n\",\"NumericEquals\":\"1\"}"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChoiceRule.compile(json("{\"Variable\":\"$.n\",\"TimestampEquals\":\"yesterday\"}"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChoiceRule.compile(json("{\"Variable\":\"$.n\",\"StringMatchesPath\":\"$.s\"}"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChoiceRule.compile(json("{\"Variable\":\"$.n[*]\",\"IsNull\":true}"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChoiceRule.compile(json("{\"And\":[]}"))).isInstanceOf(IllegalArgumentException.class);
  }
}
