package io.github.sfntest.mock;

/**
 * Computes a mocked result from the invocation, for {@link Stubbing#willAnswer(TaskAnswer)}. A
 * functional interface, so Java lambdas and Groovy closures both fit.
 *
 * <p>The returned value is the raw integration result: a {@link
 * com.fasterxml.jackson.databind.JsonNode} is used as it is; a {@link TaskOutcome} is answered as
 * it is (to fail, wait for a callback or add latency); anything else ({@code Map}, {@code List},
 * {@code String}, numbers, booleans, {@code null}) is converted to JSON. An exception thrown by the
 * answer fails the task the way an unhandled exception in a Java Lambda function does: the error is
 * the exception's fully qualified class name, and so is the cause's {@code errorType}, as the Lambda
 * Java runtime reports it ({@code java.lang.IllegalStateException} in both), with cause {@code
 * {"errorMessage": ..., "errorType": ...}}.
 */
@FunctionalInterface
public interface TaskAnswer {

  /**
   * The raw result for {@code invocation}.
   *
   * @param invocation the task invocation to answer
   * @return the result: a JsonNode, TaskOutcome, Map, List, String, number, boolean or null
   * @throws Exception to fail the task as an unhandled exception in a Lambda function does
   */
  Object answer(TaskInvocation invocation) throws Exception;
}
