package io.github.sfntest.history;

/**
 * How much of an execution's history the engine keeps (see {@code
 * EngineOptions.Builder.historyRetention}). Whatever is kept, event ids, links and the history-size
 * limit stay as AWS counts them: dropped events still take their ids.
 */
public enum HistoryRetention {
  /** Every event, as AWS records it: the default, which keeps history assertions exact. */
  FULL,
  /**
   * The events of the top-level states, and of each inline Map iteration only its started and
   * ended events; the states inside Map iterations and Parallel branches are dropped, and a
   * Distributed Map's child executions keep only their execution-level events. For huge Maps.
   */
  SUMMARY,
  /** Only the execution-level events (ExecutionStarted, ExecutionSucceeded, ...). */
  NONE
}
