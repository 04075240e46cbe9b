package io.github.sfntest.mock;

/**
 * Answers Task invocations: mocked responses, local handlers running real code, or anything else.
 * The engine calls it once per attempt; implementations must be safe to call from several
 * executions at once.
 */
@FunctionalInterface
public interface TaskHandler {

  /**
   * Answers one attempt of a Task state.
   *
   * @param invocation the state, resource, effective parameters and counters of the attempt
   * @return the outcome; {@link TaskOutcome.NotHandled} when this handler has no answer
   */
  TaskOutcome invoke(TaskInvocation invocation);

  /**
   * A handler that answers nothing.
   *
   * @return a handler that never answers
   */
  static TaskHandler none() {
    return invocation -> new TaskOutcome.NotHandled("no mock or handler is registered");
  }
}
