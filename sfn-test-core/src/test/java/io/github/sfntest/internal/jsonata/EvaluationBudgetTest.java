package io.github.sfntest.internal.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dashjoin.jsonata.Jsonata;
import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Runaway expressions end as States.QueryEvaluationError naming the field, never a hang or a JVM error. */
class EvaluationBudgetTest {

  private static StatesException failure(String expression) {
    JsonataTemplate template = JsonataTemplate.compile(Json.NODES.textNode("{% " + expression + " %}"), "Output");
    try {
      template.evaluate(new TestScope(), TestScope.states("{}"), TestScope.runtime());
    } catch (StatesException e) {
      return e;
    }
    throw new AssertionError("expected a StatesException for " + expression);
  }

  @Test
  void a_function_that_calls_itself_forever_stops_at_the_depth_budget() {
    StatesException e = failure("( $f := function($x) { 1 + $f($x) }; $f(1) )");
    assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(e.cause())
        .startsWith("The JSONata expression '( $f := function($x) { 1 + $f($x) }; $f(1) )' specified for the field 'Output'"
            + " threw an error during evaluation. U1001: Stack overflow error: the evaluation nests deeper than 500 levels.");
  }

  @Test
  void deep_recursion_stops_at_the_budget_before_a_default_thread_stack_ends() throws Exception {
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        outcome.set(failure("( $f := function($x) { $x > 0 ? 1 + $f($x - 1) : 0 }; $f(100000) )").cause());
      } catch (Throwable t) {
        outcome.set(t);
      }
    }, "default-stack", 1024 * 1024);
    thread.start();
    thread.join();
    assertThat(outcome.get()).asString().contains("U1001: Stack overflow error: the evaluation nests deeper than 500 levels");
  }

  @Test
  void legitimate_recursion_a_hundred_calls_deep_still_works() {
    JsonataTemplate template = JsonataTemplate.compile(
        Json.NODES.textNode("{% ( $f := function($x) { $x > 0 ? 1 + $f($x - 1) : 0 }; $f(100) ) %}"), "Output");
    assertThat(template.evaluate(new TestScope(), TestScope.states("{}"), TestScope.runtime()).asInt()).isEqualTo(100);
  }

  @Test
  void a_string_doubled_thirty_times_stops_at_the_size_budget() {
    StatesException e = failure("( $d := function($s, $n) { $n = 0 ? $s : $d($s & $s, $n - 1) }; $length($d('ab', 30)) )");
    assertThat(e.cause()).contains("threw an error during evaluation. U1001: Result too large: a string of")
        .contains("exceeds the evaluation budget of 10000000");
  }

  @Test
  void an_endless_loop_stops_at_the_time_budget() {
    Jsonata loop = Jsonata.jsonata("( $f := function($x) { $f($x + 1) }; $f(0) )");
    Jsonata.Frame frame = new Jsonata.Frame(null);
    EvaluationBudget.attach(frame, 200_000_000L, 1_000, 10_000_000);
    assertThatThrownBy(() -> loop.evaluate(null, frame))
        .isInstanceOf(EvaluationBudget.Exceeded.class)
        .hasMessageContaining("Expression evaluation timeout: the evaluation ran longer than 200 ms");
  }

  @Test
  void numbers_beyond_double_range_fail_instead_of_becoming_null() {
    assertThat(failure("$number('1e400')").cause()).endsWith("threw an error during evaluation. D1001: Number out of range: \"Infinity\"");
    assertThat(failure("$sum([1e308, 1e308])").cause()).contains("D1001: Number out of range");
  }

  @Test
  void a_result_nested_deeper_than_the_json_policy_fails_with_the_field() {
    StatesException e = failure("$reduce([1..600], function($acc, $v) { {'a': $acc} }, {})");
    assertThat(e.cause()).endsWith("threw an error during evaluation. D1002: Result nested deeper than 512 levels of"
        + " arrays and objects, the most a state's JSON may have");
  }

  @Test
  void ordinary_expressions_are_untouched() {
    JsonataTemplate template = JsonataTemplate.compile(Json.NODES.textNode("{% $sum([1..1000]) %}"), "Output");
    assertThat(template.evaluate(new TestScope(), TestScope.states("{}"), TestScope.runtime()).asLong()).isEqualTo(500500);
  }
}
