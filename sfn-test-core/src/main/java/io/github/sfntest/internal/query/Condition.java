package io.github.sfntest.internal.query;

/** A compiled Choice rule (JSONPath rule tree or JSONata {@code Condition}). */
@FunctionalInterface
public interface Condition {
  boolean test(EvalEnv env);
}
