package io.github.sfntest.assertions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.history.ExecutionHistory;
import io.github.sfntest.history.HistoryEvent;
import io.github.sfntest.history.HistoryEventType;
import io.github.sfntest.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The executions the assertion tests run against: AWS recordings plus two hand-built ones. */
final class Fixtures {

  private Fixtures() {}

  /** One Lambda task failing 4 times (MaxAttempts 3), caught into Pass state HandleError. */
  static ExecutionResult retry() {
    return AwsHistories.load("scenarios.base_scenarios.lambda_service_invoke_with_retry_extended_input", "e1", "RetryFlow");
  }

  /** StartState -> MapState (8 Pass iterations) -> Final. */
  static ExecutionResult map() {
    return AwsHistories.load("scenarios.base_scenarios.map_state", "m1", "MapFlow");
  }

  /** Map iteration reaches a Fail state, the Map state's catcher goes to FinalCaught. */
  static ExecutionResult mapCatch() {
    return AwsHistories.load("scenarios.base_scenarios.map_state_catch", "m2", "MapCatch");
  }

  /** Map state retried 3 times, then the execution fails. */
  static ExecutionResult mapRetry() {
    return AwsHistories.load("scenarios.base_scenarios.map_state_retry_multiple_retriers", "m3", "MapRetry");
  }

  /** Task fails, its catcher assigns $states.errorOutput to variable "result". */
  static ExecutionResult assign() {
    return AwsHistories.load("assign.assign_reference_variables.assign_in_catch_state", "a1", "Assign");
  }

  /** Two sqs:sendMessage.waitForTaskToken tasks answered by callbacks. */
  static ExecutionResult callback() {
    return AwsHistories.load("callback.sqs_wait_for_task_token_call_chain", "c1", "Cb");
  }

  /** states:startExecution.sync whose child fails. */
  static ExecutionResult child() {
    return AwsHistories.load("callback.start_execution_sync_delegate_failure", "c2", "Child");
  }

  /** A callback task that timed out. */
  static ExecutionResult callbackTimeout() {
    return AwsHistories.load("callback.sqs_wait_for_task_token_timeout", "c3", "CbTimeout");
  }

  /** Parallel state retried twice, its only branch a Fail state. */
  static ExecutionResult parallelRetry() {
    return AwsHistories.load("scenarios.base_scenarios.parallel_state_retry", "p1", "Par");
  }

  /**
   * The example: Validate -> ChargeCard (3 attempts, States.TaskFailed "Rate exceeded",
   * back-off 1 s then 2 s) -> HandleError (Fail state re-raising the error).
   */
  static ExecutionResult orderFlow() {
    Builder b = new Builder();
    long started = b.add(HistoryEventType.EXECUTION_STARTED, 0, 0, "{\"input\":\"{\\\"orderId\\\":\\\"o-1\\\"}\",\"roleArn\":\"arn:aws:iam::111111111111:role/r\"}");
    long v = b.add(HistoryEventType.PASS_STATE_ENTERED, 0, 0, "{\"name\":\"Validate\",\"input\":\"{\\\"orderId\\\":\\\"o-1\\\"}\"}");
    long vx = b.add(HistoryEventType.PASS_STATE_EXITED, v, 10, "{\"name\":\"Validate\",\"output\":\"{\\\"orderId\\\":\\\"o-1\\\",\\\"amount\\\":42}\"}");
    long c = b.add(HistoryEventType.TASK_STATE_ENTERED, vx, 0, "{\"name\":\"ChargeCard\",\"input\":\"{\\\"orderId\\\":\\\"o-1\\\",\\\"amount\\\":42}\"}");
    long prev = c;
    for (int attempt = 0; attempt < 3; attempt++) {
      long s = b.add(HistoryEventType.TASK_SCHEDULED, prev, attempt == 0 ? 0 : 1000L << (attempt - 1),
          "{\"resourceType\":\"lambda\",\"resource\":\"invoke\",\"region\":\"us-east-1\",\"parameters\":\"{\\\"FunctionName\\\":\\\"charge\\\",\\\"Payload\\\":{\\\"amount\\\":42}}\"}");
      long st = b.add(HistoryEventType.TASK_STARTED, s, 5, "{\"resourceType\":\"lambda\",\"resource\":\"invoke\"}");
      prev = b.add(HistoryEventType.TASK_FAILED, st, 100,
          "{\"resourceType\":\"lambda\",\"resource\":\"invoke\",\"error\":\"States.TaskFailed\",\"cause\":\"Rate exceeded\"}");
    }
    long cx = b.add(HistoryEventType.TASK_STATE_EXITED, prev, 0,
        "{\"name\":\"ChargeCard\",\"output\":\"{\\\"Error\\\":\\\"States.TaskFailed\\\",\\\"Cause\\\":\\\"Rate exceeded\\\"}\"}");
    long h = b.add(HistoryEventType.FAIL_STATE_ENTERED, cx, 0,
        "{\"name\":\"HandleError\",\"input\":\"{\\\"Error\\\":\\\"States.TaskFailed\\\",\\\"Cause\\\":\\\"Rate exceeded\\\"}\"}");
    b.add(HistoryEventType.EXECUTION_FAILED, h, 5, "{\"error\":\"States.TaskFailed\",\"cause\":\"Rate exceeded\"}");
    return b.result("exec-7f3a", "OrderFlow", ExecutionStatus.FAILED, null, "States.TaskFailed", "Rate exceeded");
  }

  /** Fan-out: Parallel with branches [Fetch -> Enrich] and [Audit], events interleaved. */
  static ExecutionResult parallel() {
    Builder b = new Builder();
    b.add(HistoryEventType.EXECUTION_STARTED, 0, 0, "{\"input\":\"{}\"}");
    long p = b.add(HistoryEventType.PARALLEL_STATE_ENTERED, 0, 0, "{\"name\":\"FanOut\",\"input\":\"{}\"}");
    long ps = b.add(HistoryEventType.PARALLEL_STATE_STARTED, p, 0, null);
    long f = b.add(HistoryEventType.PASS_STATE_ENTERED, ps, 0, "{\"name\":\"Fetch\",\"input\":\"{}\"}");
    long a = b.add(HistoryEventType.PASS_STATE_ENTERED, ps, 0, "{\"name\":\"Audit\",\"input\":\"{}\"}");
    long fx = b.add(HistoryEventType.PASS_STATE_EXITED, f, 1, "{\"name\":\"Fetch\",\"output\":\"{\\\"data\\\":1}\"}");
    long ax = b.add(HistoryEventType.PASS_STATE_EXITED, a, 1, "{\"name\":\"Audit\",\"output\":\"\\\"ok\\\"\"}");
    long e = b.add(HistoryEventType.PASS_STATE_ENTERED, fx, 0, "{\"name\":\"Enrich\",\"input\":\"{\\\"data\\\":1}\"}");
    long ex = b.add(HistoryEventType.PASS_STATE_EXITED, e, 1, "{\"name\":\"Enrich\",\"output\":\"{\\\"data\\\":2}\"}");
    long pss = b.add(HistoryEventType.PARALLEL_STATE_SUCCEEDED, ex, 0, null);
    long px = b.add(HistoryEventType.PARALLEL_STATE_EXITED, pss, 0, "{\"name\":\"FanOut\",\"output\":\"[{\\\"data\\\":2},\\\"ok\\\"]\"}");
    b.add(HistoryEventType.EXECUTION_SUCCEEDED, px, 0, "{\"output\":\"[{\\\"data\\\":2},\\\"ok\\\"]\"}");
    return b.result("fan-1", null, ExecutionStatus.SUCCEEDED, "[{\"data\":2},\"ok\"]", null, null);
  }

  /** Builds histories with ids in order and a virtual clock advanced per event (ms). */
  static final class Builder {
    private final List<HistoryEvent> events = new ArrayList<>();
    private Instant now = AwsHistories.START;

    long add(HistoryEventType type, long previous, long advanceMillis, String detailsJson) {
      now = now.plusMillis(advanceMillis);
      long id = events.size() + 1;
      ObjectNode details = detailsJson == null ? null : (ObjectNode) Json.parse(detailsJson);
      events.add(new HistoryEvent(id, previous, now, type, details));
      return id;
    }

    ExecutionResult result(String name, String machine, ExecutionStatus status, String output, String error, String cause) {
      return io.github.sfntest.internal.result.Results.execution(
          "arn:aws:states:us-east-1:111111111111:execution:" + (machine == null ? "SM" : machine) + ":" + name,
          machine, status, events.get(0).input().orElse(null),
          output == null ? null : Json.parse(output), error, cause,
          events.get(0).timestamp(), events.get(events.size() - 1).timestamp(),
          new ExecutionHistory(events));
    }
  }
}
