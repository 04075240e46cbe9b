package io.github.sfntest.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a path, template, intrinsic or JSONata expression can see while a state runs. The
 * interpreter implements it; evaluators only read from it.
 */
public interface EvaluationScope {

  /** The document {@code $} refers to (the effective input of the field being evaluated). */
  JsonNode input();

  /** The context object {@code $$} (Execution, State, StateMachine, Task, Map.Item). */
  JsonNode contextObject();

  /**
   * The value of variable {@code $name} visible from this state (own scope, then outer scopes), or
   * {@code null} when no such variable is defined.
   */
  JsonNode variable(String name);

  /** A scope that sees the same context object and variables but another {@code $} document. */
  default EvaluationScope withInput(JsonNode newInput) {
    EvaluationScope outer = this;
    return new EvaluationScope() {
      @Override
      public JsonNode input() {
        return newInput;
      }

      @Override
      public JsonNode contextObject() {
        return outer.contextObject();
      }

      @Override
      public JsonNode variable(String name) {
        return outer.variable(name);
      }
    };
  }
}
