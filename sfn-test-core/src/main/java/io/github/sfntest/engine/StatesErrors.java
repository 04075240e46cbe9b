package io.github.sfntest.engine;

/** The predefined ASL error names, spelled exactly as AWS spells them. */
public final class StatesErrors {
  /**
   * Matches every known error name in Retry and Catch, except the terminal {@code
   * States.DataLimitExceeded} and {@code States.Runtime}.
   */
  public static final String ALL = "States.ALL";
  /** A task sent no heartbeat within its {@code HeartbeatSeconds}. */
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  /** A task ran longer than its {@code TimeoutSeconds}, or sent no heartbeat in time. */
  public static final String TIMEOUT = "States.Timeout";
  /** A Task state failed; in Retry and Catch it matches every known error but {@code States.Timeout}. */
  public static final String TASK_FAILED = "States.TaskFailed";
  /** The execution role may not call the task's resource. */
  public static final String PERMISSIONS = "States.Permissions";
  /** {@code ResultPath} could not be applied to the state's input. */
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  /** A field of {@code Parameters} or {@code Arguments} named a path that matched nothing. */
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  /** A branch of a Parallel state failed. */
  public static final String BRANCH_FAILED = "States.BranchFailed";
  /** No rule of a Choice state matched and it has no {@code Default}. */
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  /** An intrinsic function failed (bad argument, bad JSON, ...). */
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  /** A Distributed Map's failed items exceeded its tolerated failure count or percentage. */
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD =
      "States.ExceedToleratedFailureThreshold";
  /** A Distributed Map's ItemReader could not read its items. */
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  /** A Distributed Map's ResultWriter could not write its results. */
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
  /**
   * The execution cannot go on (e.g. a path selected something of the wrong type); never retried.
   */
  public static final String RUNTIME = "States.Runtime";
  /** A state's input, output or a task result exceeds AWS's 256 KiB payload limit. */
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  /** A JSONata expression failed to evaluate. */
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  private StatesErrors() {}
}
