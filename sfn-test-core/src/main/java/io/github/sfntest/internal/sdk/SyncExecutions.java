package io.github.sfntest.internal.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfntest.engine.BillingDetails;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.internal.result.EndedExecution;
import io.github.sfntest.internal.result.Results;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;

/**
 * EXPRESS executions through the AWS SDK: AWS answers neither DescribeExecution nor
 * GetExecutionHistory for them, so they run with StartSyncExecution, whose answer is the whole
 * result (status, output, error, cause, dates). The history is empty: AWS gives EXPRESS history
 * only through CloudWatch Logs.
 */
public final class SyncExecutions {

  private SyncExecutions() {}

  /**
   * Runs an EXPRESS execution to its end with StartSyncExecution.
   *
   * @param target the state machine ARN (with {@code #TestCase} on a mocking endpoint)
   */
  public static Execution start(SfnClient sfn, String target, String name, String input, String machineName) {
    StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(target).name(name).input(input));
    ExecutionStatus status = switch (r.status()) {
      case SUCCEEDED -> ExecutionStatus.SUCCEEDED;
      case TIMED_OUT -> ExecutionStatus.TIMED_OUT;
      default -> ExecutionStatus.FAILED;
    };
    JsonNode in = r.input() == null ? Json.parse(input) : Json.parse(r.input());
    ExecutionResult result = Results.execution(r.executionArn(), machineName, status, in,
        r.output() == null ? null : Json.parse(r.output()), r.error(), r.cause(), r.startDate(), r.stopDate(),
        new ExecutionHistory(List.of()), List.of(), List.of(), billing(r));
    return new EndedExecution(result, what -> ended(result, what), () -> ended(result, "take a callback or heartbeat"));
  }

  /** The answer's billingDetails (AWS always sends them; a member left out reads as 0). */
  private static BillingDetails billing(StartSyncExecutionResponse r) {
    if (r.billingDetails() == null) {
      return null;
    }
    Long memory = r.billingDetails().billedMemoryUsedInMB();
    Long millis = r.billingDetails().billedDurationInMilliseconds();
    return new BillingDetails(memory == null ? 0 : memory, millis == null ? 0 : millis);
  }

  private static IllegalStateException ended(ExecutionResult result, String what) {
    return new IllegalStateException("The EXPRESS execution " + result.executionArn() + " ran with StartSyncExecution "
        + "(AWS reports EXPRESS executions no other way) and has ended (" + result.status() + "): it cannot " + what);
  }
}
