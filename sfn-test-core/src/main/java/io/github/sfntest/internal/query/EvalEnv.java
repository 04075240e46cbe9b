package io.github.sfntest.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import io.github.sfntest.internal.intrinsics.IntrinsicEnvironment;
import java.time.Instant;

/**
 * Everything an expression may read while one field of one state is evaluated: {@code $},
 * {@code $$}, variables, JSONata's {@code $states}, the seeded random source and virtual time.
 */
public interface EvalEnv extends EvaluationScope, IntrinsicEnvironment {

  /** JSONata's {@code $states} object for the field being evaluated. */
  JsonNode statesVariable();

  /** Virtual time. */
  Instant now();

  @Override
  default EvalEnv withInput(JsonNode newInput) {
    EvalEnv outer = this;
    return new EvalEnv() {
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

      @Override
      public JsonNode statesVariable() {
        return outer.statesVariable();
      }

      @Override
      public Instant now() {
        return outer.now();
      }

      @Override
      public JsonNode readPath(String path, io.github.sfntest.internal.EvaluationScope scope) {
        return outer.readPath(path, scope);
      }

      @Override
      public java.util.random.RandomGenerator random() {
        return outer.random();
      }
    };
  }
}
