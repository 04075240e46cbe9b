package io.github.sfntest.internal.mock;

import io.github.sfntest.internal.lambda.LambdaHandlers;
import io.github.sfntest.mock.TaskAnswer;

/**
 * The door from the mock DSL to {@code internal.lambda}: the public {@code mock} package reaches its
 * internals only through {@code internal.mock}, so the two never form a package circle.
 */
public final class LambdaHandlerAnswers {

  private LambdaHandlerAnswers() {}

  /** See {@link LambdaHandlers#answer}. */
  public static TaskAnswer of(Object handler, String where) {
    return LambdaHandlers.answer(handler, where);
  }

  /** See {@link LambdaHandlers#lazy}. */
  public static TaskAnswer lazy(String handler, String where) {
    return LambdaHandlers.lazy(handler, where);
  }
}
