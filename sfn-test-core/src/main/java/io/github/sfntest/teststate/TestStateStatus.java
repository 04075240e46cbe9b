package io.github.sfntest.teststate;

/** How a tested state ended, as AWS's TestState API reports it. */
public enum TestStateStatus {
  /** The state completed (a Choice chose, a Task's result was processed). */
  SUCCEEDED,
  /** The state failed and no Retry or Catch would handle the error. */
  FAILED,
  /** The state failed and a retrier would retry it (see {@code errorDetails}). */
  RETRIABLE,
  /** The state failed and a catcher took the error; the output is the catcher's. */
  CAUGHT_ERROR
}
