package io.github.sfntest.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;
import java.util.random.RandomGenerator;

/** What intrinsic functions need from the engine besides the scope. */
public interface IntrinsicEnvironment {

  /**
   * Reads a path argument ({@code $.a}, {@code $$.Execution.Id}, {@code $var.x}) with ASL's
   * JSONPath semantics; throws {@link io.github.sfntest.internal.StatesException} when it matches
   * nothing.
   */
  JsonNode readPath(String path, EvaluationScope scope);

  /** The execution's seeded random source (States.UUID, States.MathRandom without seed). */
  RandomGenerator random();
}
