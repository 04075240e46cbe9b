package io.github.sfntest.server;

/** How the endpoint lets Wait states, retry intervals and timeouts pass. */
public enum WaitMode {
  /**
   * Virtual time (the default): an execution runs to its end or to a task waiting for a callback
   * before StartExecution returns; waits take no time. Timeouts of tasks that wait for a callback
   * fire only when the client advances time.
   */
  SKIP,
  /**
   * Real time, as on AWS: the execution shows as RUNNING and its history grows as the wall clock
   * passes its Wait states, retry intervals and timeouts.
   */
  REAL
}
