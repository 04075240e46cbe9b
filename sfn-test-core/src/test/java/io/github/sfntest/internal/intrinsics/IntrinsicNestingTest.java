package io.github.sfntest.internal.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Nested calls are bounded, so a pathological definition is an error, not a StackOverflowError. */
class IntrinsicNestingTest {

  private static String nested(int depth) {
    return "States.Array(".repeat(depth) + "1" + ")".repeat(depth);
  }

  @Test
  void a_hundred_nested_calls_parse_and_evaluate() {
    assertThat(IntrinsicFunctions.parse(nested(IntrinsicParser.MAX_NESTING))
            .evaluate(FakeIntrinsicEnvironment.scope("{}"), new FakeIntrinsicEnvironment(1L)).isArray())
        .isTrue();
  }

  @Test
  void deeper_nesting_is_a_parse_error_with_its_position() {
    assertThatThrownBy(() -> IntrinsicFunctions.parse(nested(IntrinsicParser.MAX_NESTING + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Intrinsic function calls nest deeper than 100 levels at position 1300");
    assertThatThrownBy(() -> IntrinsicFunctions.parse(nested(50_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nest deeper than 100 levels");
  }
}
