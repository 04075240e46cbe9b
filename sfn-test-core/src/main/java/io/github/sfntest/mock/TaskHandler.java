package io.github.sfntest.mock;

/**
 * Answers Task invocations: mocked responses, local handlers running real code, or anything else.
 * The engine calls it once per attempt; implementations must be safe to call from several
 * executions at once.
 */
@FunctionalInterface
public interface TaskHandler {

  TaskOutcome invoke(TaskInvocation invocation);

  /** A handler that answers nothing. */
  static TaskHandler none() {
    return invocation -> new TaskOutcome.NotHandled("no mock or handler is registered");
  }
}
