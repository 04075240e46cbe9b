package io.github.sfntest.internal.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JsonataTemplateTest {

  private static JsonNode eval(String fieldJson, String field, TestScope scope, String inputJson) {
    return JsonataTemplate.compile(Json.parse(fieldJson), field)
        .evaluate(scope, TestScope.states(inputJson), TestScope.runtime());
  }

  private static String evalToText(String fieldJson, String inputJson) {
    return Json.write(eval(fieldJson, "Output", new TestScope(), inputJson));
  }

  private static StatesException failure(String fieldJson, String field, TestScope scope) {
    try {
      eval(fieldJson, field, scope, "{}");
    } catch (StatesException e) {
      return e;
    }
    throw new AssertionError("expected a StatesException for " + fieldJson);
  }

  @Test
  void detects_only_whole_string_expressions() {
    assertThat(JsonataExpressions.isExpression("{% $x %}")).isTrue();
    assertThat(JsonataExpressions.isExpression("{%$x%}")).isTrue();
    assertThat(JsonataExpressions.isExpression(" {% $x %}")).isFalse();
    assertThat(JsonataExpressions.isExpression("{% $x %} ")).isFalse();
    assertThat(JsonataExpressions.isExpression("$states.input")).isFalse();
    assertThat(JsonataExpressions.isExpression("{%}")).isFalse();
    assertThat(JsonataExpressions.body("{%  $a + 1 \n%}")).isEqualTo("$a + 1");
  }

  @Test
  void finds_expressions_nested_anywhere() {
    assertThat(JsonataExpressions.containsExpression(Json.parse("{\"a\":[1,{\"b\":\"{% 1 %}\"}]}")))
        .isTrue();
    assertThat(JsonataExpressions.containsExpression(Json.parse("{\"a\":[1,{\"b\":\" {% 1 %}\"}]}")))
        .isFalse();
  }

  @Test
  void literal_values_come_back_unchanged_and_are_constant() {
    String literal =
        "{\"n\":null,\"f\":0.1,\"s\":\" {% states.input %} \",\"p\":\"$states.input\",\"l\":[[],{}]}";
    JsonataTemplate template = JsonataTemplate.compile(Json.parse(literal), "Arguments");
    assertThat(template.isConstant()).isTrue();
    assertThat(Json.write(template.evaluate(new TestScope(), null, TestScope.runtime())))
        .isEqualTo(Json.write(Json.parse(literal)));
  }

  @Test
  void evaluates_nested_expressions_and_keeps_literals_around_them() {
    assertThat(
            evalToText(
                "{\"a\":\"{% $states.input.x + 1 %}\",\"b\":[\"lit\",\"{% $states.input.x %}\"],\"c\":3}",
                "{\"x\":41}"))
        .isEqualTo("{\"a\":42,\"b\":[\"lit\",41],\"c\":3}");
  }

  @Test
  void whole_expression_may_return_any_json_type() {
    assertThat(evalToText("\"{% $states.input %}\"", "{\"a\":[1,null]}")).isEqualTo("{\"a\":[1,null]}");
    assertThat(evalToText("\"{% null %}\"", "{}")).isEqualTo("null");
    assertThat(evalToText("\"{% 'text' %}\"", "{}")).isEqualTo("\"text\"");
    assertThat(evalToText("\"{% [1, 'two', 3] %}\"", "{}")).isEqualTo("[1,\"two\",3]");
    assertThat(evalToText("\"{% $contains(\\\"hello$world\\\", /^hello\\\\$/) %}\"", "{}"))
        .isEqualTo("true");
  }

  @Test
  void reads_user_variables_from_the_scope() {
    TestScope scope = new TestScope().with("var_input_value", "\"string literal\"").with("one", "1");
    JsonNode result =
        eval(
            "{\"a\":\"{% $var_input_value %}\",\"b\":\"{% $sum($states.input.values) + $one %}\"}",
            "Arguments",
            scope,
            "{\"values\":[1,2,3]}");
    assertThat(Json.write(result)).isEqualTo("{\"a\":\"string literal\",\"b\":7}");
  }

  @Test
  void looks_up_only_the_variables_the_expressions_name() {
    TestScope scope = new TestScope().with("used", "1").with("unused", "2");
    eval("\"{% $used + $count([1]) %}\"", "Output", scope, "{}");
    assertThat(scope.lookups).containsExactlyInAnyOrder("used", "count");
  }

  @Test
  void variables_do_not_hide_builtin_functions_when_undefined() {
    assertThat(evalToText("\"{% $sum([1,2]) %}\"", "{}")).isEqualTo("3");
  }

  @Test
  void local_bindings_inside_an_expression_work() {
    assertThat(evalToText("\"{% ($x := 2; $y := $x * 3; $y) %}\"", "{}")).isEqualTo("6");
  }

  @Test
  void undefined_result_fails_with_the_field_name() {
    StatesException e = failure("\"{% $doesNotExist %}\"", "Output", new TestScope());
    assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(e.cause())
        .isEqualTo(
            "The JSONata expression '$doesNotExist' specified for the field 'Output' returned nothing (undefined).");
    assertThat(e.stateScoped()).isTrue();
  }

  @Test
  void nested_undefined_result_names_the_field_path() {
    assertThat(failure("{\"FunctionName\":\"{% $doesNotExist %}\"}", "Arguments", new TestScope()).cause())
        .isEqualTo(
            "The JSONata expression '$doesNotExist' specified for the field 'Arguments/FunctionName' returned nothing (undefined).");
    assertThat(failure("{\"a\":[0,{\"b\":\"{% $nope %}\"}]}", "Output", new TestScope()).cause())
        .contains("for the field 'Output/a/1/b'");
  }

  @Test
  void evaluation_errors_carry_the_jsonata_code_and_message() {
    StatesException e =
        failure("{\"FunctionResult\":\"{% $randomSeeded(1) %}\"}", "Output", new TestScope());
    assertThat(e.cause())
        .isEqualTo(
            "The JSONata expression '$randomSeeded(1)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function");
  }

  @Test
  void eval_is_disabled_like_on_aws() {
    assertThat(failure("\"{% $eval('1+1') %}\"", "Output", new TestScope()).cause())
        .endsWith("threw an error during evaluation. T1006: Attempted to invoke a non-function");
  }

  @Test
  void jsonata_runtime_errors_keep_their_code() {
    assertThat(failure("\"{% 1e300 * 1e300 %}\"", "Output", new TestScope()).cause())
        .contains("threw an error during evaluation. D1001: ");
    assertThat(failure("\"{% $error('boom') %}\"", "Output", new TestScope()).cause())
        .endsWith("threw an error during evaluation. D3137: boom");
  }

  @Test
  void type_checked_evaluation_reports_expected_and_actual_type() {
    TestScope scope = new TestScope().with("ItemsVar", "{\"foo\":\"bar\"}");
    JsonataTemplate items = JsonataTemplate.compile(Json.parse("\"{% $ItemsVar %}\""), "Items");
    assertThatThrownBy(() -> items.evaluate(scope, null, TestScope.runtime(), JsonataType.ARRAY))
        .isInstanceOfSatisfying(
            StatesException.class,
            e ->
                assertThat(e.cause())
                    .isEqualTo(
                        "The JSONata expression '$ItemsVar' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}"));
    JsonataTemplate string = JsonataTemplate.compile(Json.parse("\"{% 'string' %}\""), "Items");
    assertThatThrownBy(() -> string.evaluate(scope, null, TestScope.runtime(), JsonataType.ARRAY))
        .hasMessageEndingWith(
            "The JSONata expression ''string'' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'string' for value: \"string\"");
    JsonataTemplate nul = JsonataTemplate.compile(Json.parse("\"{% null %}\""), "Items");
    assertThatThrownBy(() -> nul.evaluate(scope, null, TestScope.runtime(), JsonataType.ARRAY))
        .hasMessageEndingWith("Expected 'array', but was 'null' for value: null");
  }

  @Test
  void condition_must_be_boolean() {
    JsonataTemplate condition =
        JsonataTemplate.compile(Json.parse("\"{% $states.input.condition %}\""), "Condition");
    assertThat(condition.evaluateCondition(new TestScope(), TestScope.states("{\"condition\":true}"), TestScope.runtime()))
        .isTrue();
    assertThatThrownBy(
            () ->
                condition.evaluateCondition(
                    new TestScope(), TestScope.states("{\"condition\":1}"), TestScope.runtime()))
        .hasMessageEndingWith("Expected 'boolean', but was 'number' for value: 1");
  }

  @Test
  void states_members_the_interpreter_omits_are_undefined() {
    JsonNode states = Json.parse("{\"input\":{},\"errorOutput\":{\"Error\":\"E\",\"Cause\":\"c\"},\"context\":{}}");
    JsonataTemplate template =
        JsonataTemplate.compile(Json.parse("{\"e\":\"{% $states.errorOutput.Error %}\",\"r\":\"{% $exists($states.result) %}\"}"), "Output");
    assertThat(Json.write(template.evaluate(new TestScope(), states, TestScope.runtime())))
        .isEqualTo("{\"e\":\"E\",\"r\":false}");
  }

  @Test
  void syntax_errors_are_reported_at_compile_time_with_code_and_position() {
    assertThatThrownBy(() -> JsonataTemplate.compile(Json.parse("{\"a\":\"{% $foo( %}\"}"), "Output"))
        .isInstanceOfSatisfying(
            JsonataSyntaxException.class,
            e -> {
              assertThat(e.code()).isEqualTo("S0203");
              assertThat(e.position()).isPositive();
              assertThat(e.field()).isEqualTo("Output/a");
              assertThat(e.expression()).isEqualTo("$foo(");
              assertThat(e).isInstanceOf(IllegalArgumentException.class);
            });
  }

  @Test
  void empty_expression_is_a_syntax_error() {
    assertThatThrownBy(() -> JsonataTemplate.compile(Json.parse("\"{% %}\""), "Output"))
        .isInstanceOf(JsonataSyntaxException.class);
  }

  @Test
  void function_results_are_not_json() {
    assertThat(failure("\"{% function($x){$x} %}\"", "Output", new TestScope()).cause())
        .endsWith("returned an unsupported result type.");
  }

  @Test
  void does_not_mutate_variables_across_expressions() {
    TestScope scope = new TestScope().with("list", "[1,2]");
    JsonNode result =
        eval("[\"{% $append($list, 3) %}\",\"{% $list %}\"]", "Output", scope, "{}");
    assertThat(Json.write(result)).isEqualTo("[[1,2,3],[1,2]]");
    assertThat(Json.write(scope.variables.get("list"))).isEqualTo("[1,2]");
  }

  @Test
  void one_compiled_template_evaluates_concurrently() throws Exception {
    JsonataTemplate template =
        JsonataTemplate.compile(
            Json.parse("{\"sum\":\"{% $sum($states.input.values) * $factor %}\",\"first\":\"{% $states.input.values[0] %}\"}"),
            "Output");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  TestScope scope = new TestScope().with("factor", String.valueOf(n));
                  JsonNode out =
                      template.evaluate(
                          scope, TestScope.states("{\"values\":[" + n + ",1]}"), TestScope.runtime());
                  return out.get("sum").longValue() == (long) (n + 1) * n
                      && out.get("first").longValue() == n;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
