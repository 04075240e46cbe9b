package io.github.sfntest.internal.result;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.BillingDetails;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.MapRunResult;
import io.github.sfntest.history.ExecutionHistory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.List;

/**
 * Builds the public result types, whose constructors are not public (users read results, engines
 * make them). The constructors are reached through a private lookup so that the public {@code
 * engine} package need not know this one.
 */
public final class Results {

  private static final MethodHandle EXECUTION = constructor(ExecutionResult.class, String.class, String.class,
      ExecutionStatus.class, JsonNode.class, JsonNode.class, String.class, String.class, Instant.class, Instant.class,
      ExecutionHistory.class, List.class, List.class, BillingDetails.class);

  private static final MethodHandle MAP_RUN = constructor(MapRunResult.class, String.class, String.class,
      String.class, String.class, ExecutionStatus.class, String.class, String.class, int.class, int.class, int.class,
      Long.class, Double.class, int.class, List.class, JsonNode.class);

  private Results() {}

  /**
   * A finished (or, for a snapshot, running) execution with the child executions it started and
   * the Map Runs of its Distributed Map states, each in start order.
   */
  public static ExecutionResult execution(String executionArn, String stateMachineName, ExecutionStatus status,
      JsonNode input, JsonNode output, String error, String cause, Instant startDate, Instant stopDate,
      ExecutionHistory history, List<ExecutionResult> childExecutions, List<MapRunResult> mapRuns) {
    return execution(executionArn, stateMachineName, status, input, output, error, cause, startDate, stopDate,
        history, childExecutions, mapRuns, null);
  }

  /** As above, with the billing details StartSyncExecution answers (null for other executions). */
  public static ExecutionResult execution(String executionArn, String stateMachineName, ExecutionStatus status,
      JsonNode input, JsonNode output, String error, String cause, Instant startDate, Instant stopDate,
      ExecutionHistory history, List<ExecutionResult> childExecutions, List<MapRunResult> mapRuns,
      BillingDetails billingDetails) {
    try {
      return (ExecutionResult) EXECUTION.invoke(executionArn, stateMachineName, status, input, output, error, cause,
          startDate, stopDate, history, childExecutions, mapRuns, billingDetails);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** An execution without child executions or Map Runs. */
  public static ExecutionResult execution(String executionArn, String stateMachineName, ExecutionStatus status,
      JsonNode input, JsonNode output, String error, String cause, Instant startDate, Instant stopDate,
      ExecutionHistory history) {
    return execution(executionArn, stateMachineName, status, input, output, error, cause, startDate, stopDate,
        history, List.of(), List.of());
  }

  /** One Map Run of a Distributed Map state. */
  public static MapRunResult mapRun(String mapRunArn, String stateName, String label, String executionType,
      ExecutionStatus status, String error, String cause, int itemCount, int batchCount, int maxConcurrency,
      Long toleratedFailureCount, Double toleratedFailurePercentage, int failedItemCount,
      List<ExecutionResult> children, JsonNode resultWriterDetails) {
    try {
      return (MapRunResult) MAP_RUN.invoke(mapRunArn, stateName, label, executionType, status, error, cause,
          itemCount, batchCount, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage, failedItemCount,
          children, resultWriterDetails);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static MethodHandle constructor(Class<?> type, Class<?>... parameters) {
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup())
          .findConstructor(type, MethodType.methodType(void.class, parameters));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
