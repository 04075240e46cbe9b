package io.github.sfntest.engine;

/** What an engine can do; tests that need a capability their engine lacks are skipped or fail. */
public enum EngineCapability {
  /** Wait states, retries and timeouts take no real time. */
  VIRTUAL_TIME,
  /** The JSONata query language. */
  JSONATA,
  /** Variables ({@code Assign}). */
  VARIABLES,
  /** Mocks can change after the engine started (in-code mocks per test). */
  IN_CODE_MOCKS,
  /** Tasks waiting for a task token can be answered by the test. */
  CALLBACKS,
  /** Distributed Map with item readers and result writers. */
  DISTRIBUTED_MAP,
  /**
   * Results carry each Distributed Map's Map Run (items, batches, children, tolerated failures);
   * the Step Functions API results are read through do not expose them.
   */
  MAP_RUN_RESULTS,
  /** Distributed Map item readers read S3 objects the test supplies ({@code StartRequest.withS3}). */
  S3_FIXTURES,
  /**
   * EXPRESS executions keep their full history (events, visited states, per-state assertions): an
   * sfn-test extra of the in-process engine. AWS answers no GetExecutionHistory for an EXPRESS
   * execution (its history is only in CloudWatch Logs), so an engine over a Step Functions API runs
   * EXPRESS with StartSyncExecution and returns an empty history.
   */
  EXPRESS_HISTORY
}
