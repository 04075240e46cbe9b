package io.github.sfntest.internal.query;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled value-producing field: a payload template, a JSONata template, a literal. */
@FunctionalInterface
public interface ValueExpr {
  JsonNode evaluate(EvalEnv env);
}
