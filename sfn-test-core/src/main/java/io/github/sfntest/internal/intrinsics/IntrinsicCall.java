package io.github.sfntest.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.internal.EvaluationScope;

/** A parsed intrinsic function call such as {@code States.Format('{}', $.name)}. */
public interface IntrinsicCall {

  /**
   * Evaluates the call; failures are {@link io.github.sfntest.internal.StatesException}s with
   * AWS's error name ({@code States.IntrinsicFailure}, {@code States.Runtime}) and cause text.
   */
  JsonNode evaluate(EvaluationScope scope, IntrinsicEnvironment environment);
}
