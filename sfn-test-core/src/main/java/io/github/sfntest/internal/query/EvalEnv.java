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

  /** The same environment over another {@code $} document. */
  @Override
  EvalEnv withInput(JsonNode newInput);
}
