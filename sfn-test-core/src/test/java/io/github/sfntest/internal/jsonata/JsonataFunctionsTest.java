package io.github.sfntest.internal.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfntest.internal.StatesException;
import io.github.sfntest.internal.json.Json;
import java.time.Instant;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonataFunctionsTest {

  private static String eval(String expression) {
    return eval(expression, TestScope.runtime());
  }

  private static String eval(String expression, JsonataRuntime runtime) {
    JsonataTemplate template =
        JsonataTemplate.compile(Json.NODES.textNode("{% " + expression + " %}"), "Output");
    return Json.write(template.evaluate(new TestScope(), TestScope.states("{}"), runtime));
  }

  private static String cause(String expression) {
    try {
      eval(expression);
    } catch (StatesException e) {
      assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
      return e.cause();
    }
    throw new AssertionError("expected " + expression + " to fail");
  }

  @Test
  void partition_chunks_an_array_with_a_shorter_last_chunk() {
    assertThat(eval("$partition([1,2,3,4,5,6,7,8,9], 4)")).isEqualTo("[[1,2,3,4],[5,6,7,8],[9]]");
    assertThat(eval("$partition([0], 3)")).isEqualTo("[[0]]");
    assertThat(eval("$partition([0, 1], 1)")).isEqualTo("[[0],[1]]");
  }

  @Test
  void partition_rejects_bad_arguments() {
    assertThat(cause("$partition('abc', 2)"))
        .startsWith("The JSONata expression '$partition('abc', 2)' specified for the field 'Output' threw an error during evaluation: ");
    assertThat(cause("$partition([1], 0)")).contains("positive integer");
    assertThat(cause("$partition([1], 1.5)")).contains("positive integer");
    assertThat(cause("$partition([1])")).contains("expects 2 arguments");
  }

  @Test
  void range_includes_the_end_and_unwraps_a_single_value() {
    assertThat(eval("$range(0, 10, 3)")).isEqualTo("[0,3,6,9]");
    assertThat(eval("$range(1, 9, 2)")).isEqualTo("[1,3,5,7,9]");
    assertThat(eval("$range(1, 9, 9)")).isEqualTo("1");
    assertThat(eval("$range(5, 1, -2)")).isEqualTo("[5,3,1]");
  }

  @Test
  void range_rejects_bad_arguments() {
    assertThat(cause("$range(0, 10, 0)")).contains("must not be zero");
    assertThat(cause("$range(0.5, 10, 1)")).contains("must be integers");
    assertThat(cause("$range(0, 2000, 1)")).contains("1000");
  }

  @Test
  void hash_supports_the_aws_algorithms_as_lowercase_hex() {
    assertThat(eval("$hash('input', 'SHA-1')")).isEqualTo("\"140f86aae51ab9e1cda9b4254fe98a74eb54c1a1\"");
    assertThat(eval("$hash('Hash this string', 'SHA-256')"))
        .isEqualTo("\"1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e\"");
    assertThat(eval("$length($hash('x', 'MD5'))")).isEqualTo("32");
    assertThat(eval("$length($hash('x', 'SHA-384'))")).isEqualTo("96");
    assertThat(eval("$length($hash('x', 'SHA-512'))")).isEqualTo("128");
  }

  @Test
  void hash_rejects_unknown_algorithms_and_non_strings() {
    assertThat(cause("$hash('x', 'SHA-3')")).contains("MD5, SHA-1, SHA-256, SHA-384, SHA-512");
    assertThat(cause("$hash(1, 'MD5')")).contains("must be a string");
  }

  @Test
  void random_with_seed_is_java_util_random() {
    assertThat(eval("$random(42)")).isEqualTo(Json.write(Json.NODES.numberNode(new Random(42).nextDouble())));
    assertThat(eval("$random(7)")).isEqualTo(eval("$random(7)"));
    assertThat(cause("$random('x')")).contains("must be an integer");
  }

  @Test
  void random_without_seed_draws_from_the_execution_random_source() {
    JsonataRuntime first = JsonataRuntime.of(Instant::now, new SplittableRandom(99));
    JsonataRuntime second = JsonataRuntime.of(Instant::now, new SplittableRandom(99));
    String a = eval("[$random(), $random()]", first);
    assertThat(eval("[$random(), $random()]", second)).isEqualTo(a);
    double value = Json.parse(a).get(0).doubleValue();
    assertThat(value).isGreaterThanOrEqualTo(0).isLessThan(1);
  }

  @Test
  void uuid_is_a_version_4_uuid_from_the_execution_random_source() {
    String a = eval("$uuid()", JsonataRuntime.of(Instant::now, new SplittableRandom(5)));
    String b = eval("$uuid()", JsonataRuntime.of(Instant::now, new SplittableRandom(5)));
    assertThat(a).isEqualTo(b).matches("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
    assertThat(eval("$uuid() = $uuid()")).isEqualTo("false");
  }

  @Test
  void parse_reads_any_json_text() {
    assertThat(eval("$parse('-0')")).isEqualTo("0");
    assertThat(eval("$parse('1.1')")).isEqualTo("1.1");
    assertThat(eval("$parse('\"HelloWorld\"')")).isEqualTo("\"HelloWorld\"");
    assertThat(eval("$parse('[1, 2, \"HelloWorld\"]')")).isEqualTo("[1,2,\"HelloWorld\"]");
    assertThat(eval("$parse('{\"a\":{\"b\":null}}').a")).isEqualTo("{\"b\":null}");
    assertThat(cause("$parse('{nope')")).contains("not valid JSON");
  }

  @Test
  void now_and_millis_use_the_virtual_clock() {
    JsonataRuntime runtime =
        JsonataRuntime.of(() -> Instant.parse("2024-01-01T00:00:01.5Z"), new SplittableRandom(1));
    assertThat(eval("$now()", runtime)).isEqualTo("\"2024-01-01T00:00:01.500Z\"");
    assertThat(eval("$millis()", runtime)).isEqualTo("1704067201500");
    assertThat(eval("$now('[Y0001]-[M01]-[D01]')", runtime)).isEqualTo("\"2024-01-01\"");
  }

  @Test
  void standard_functions_still_work() {
    assertThat(eval("$number('2')")).isEqualTo("2");
    assertThat(eval("$string(0.1 + 0.2)")).isEqualTo("\"0.3\"");
    assertThat(eval("$uppercase('a') & $string($count([1,2]))")).isEqualTo("\"A2\"");
    assertThatThrownBy(() -> eval("$sum('x')")).isInstanceOf(StatesException.class);
  }
}
