package io.github.sfntest.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;

/**
 * A JSONPath Choice rule ({@code Variable} + one comparison, or {@code And}/{@code Or}/{@code
 * Not}), compiled once.
 *
 * <p>AWS semantics (from the recorded choice_operators cases): a comparison whose variable or
 * comparand has the wrong type is simply false; a {@code Variable} (or {@code ...Path} operand)
 * that matches nothing is a {@code States.Runtime} error, except under {@code IsPresent}.
 */
@FunctionalInterface
public interface ChoiceRule {

  boolean matches(EvaluationScope scope);

  /**
   * Compiles one rule object of a {@code Choices} array (its {@code Next} is ignored).
   *
   * @throws IllegalArgumentException when the rule is malformed
   */
  static ChoiceRule compile(JsonNode rule) {
    return ChoiceRules.compile(rule);
  }
}
