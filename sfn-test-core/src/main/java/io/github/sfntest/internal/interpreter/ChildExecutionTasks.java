package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StatesErrors;
import io.github.sfntest.internal.interpreter.states.TaskExecutor;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.IntegrationResults;
import java.time.Duration;

/**
 * states:startExecution tasks without a mock: runs a deployed state machine as a child execution
 * and answers the task as AWS does for each pattern.
 */
final class ChildExecutionTasks {

  private ChildExecutionTasks() {}

  /** False when no state machine with that ARN is deployed. */
  static boolean start(ExecutionRun parent, ChildExecutions starter, StateEntry entry, TaskResource resource,
      JsonNode params, TaskExecutor tasks) {
    String machineArn = params.path("StateMachineArn").asText("");
    JsonNode childInput = params.get("Input");
    if (childInput == null || childInput.isNull()) {
      childInput = Json.NODES.objectNode();
    } else if (childInput.isTextual()) {
      try {
        childInput = Json.parse(childInput.asText());
      } catch (IllegalArgumentException e) {
        tasks.failed(parent, entry, resource, "States.Runtime", "The child execution input is not valid JSON: " + e.getMessage());
        return true;
      }
    }
    String name = params.hasNonNull("Name") ? params.get("Name").asText() : null;
    if (SfnSdkStarts.SERVICE.equals(resource.resourceType())) {
      return SfnSdkStarts.start(parent, starter, entry, resource, machineArn, childInput, name, params, tasks);
    }
    if (resource.pattern() != TaskResource.Pattern.REQUEST_RESPONSE) {
      return startSync(parent, starter, entry, resource, machineArn, childInput, name, tasks);
    }
    // Fire and forget: the child runs to its end on its own clock, as it would on AWS.
    ExecutionRun child = starter.start(machineArn, childInput, name, parent.now());
    if (child == null) {
      return false;
    }
    if (!runToEnd(parent, child)) {
      return true;
    }
    ExecutionResult result = child.result();
    JsonNode started = IntegrationResults.stepFunctionsStartExecution(child.executionArn(),
        AwsTime.FORMAT.format(result.startDate()));
    tasks.succeeded(parent, entry, resource, started);
    return true;
  }

  /**
   * Runs a fire-and-forget child to its end on its own clock, as it would run on AWS; false (the
   * parent failed) when it waits for a callback nothing can answer.
   */
  static boolean runToEnd(ExecutionRun parent, ExecutionRun child) {
    parent.adopt(child);
    child.start();
    child.runUntilIdle(true);
    if (!child.finished()) {
      parent.failExecution(StatesErrors.RUNTIME, "The child execution " + child.executionArn()
          + " waits for a callback of " + child.pendingTasks().stream().map(PendingTask::stateName).toList()
          + "; answer it through a mock (child executions run to completion in-process).");
      return false;
    }
    return true;
  }

  /**
   * .sync and .sync:2: the child runs on the parent's scheduler, so its waits and callbacks happen
   * in the same virtual time, and the task ends when the child does.
   */
  private static boolean startSync(ExecutionRun parent, ChildExecutions starter, StateEntry entry,
      TaskResource resource, String machineArn, JsonNode childInput, String name, TaskExecutor tasks) {
    ExecutionRun child = starter.startOnSchedulerOf(parent, machineArn, childInput, name);
    if (child == null) {
      return false;
    }
    parent.adopt(child);
    tasks.submitted(parent, entry, resource,
        IntegrationResults.stepFunctionsStartExecution(child.executionArn(), AwsTime.FORMAT.format(parent.now())));
    boolean asJson = resource.pattern() == TaskResource.Pattern.SYNC2;
    int attempt = entry.attemptNumber;
    child.onEnd(ended -> {
      if (entry.attemptNumber != attempt) {
        return; // the attempt that started it already timed out
      }
      ExecutionResult result = ended.result();
      if (result.status() == ExecutionStatus.SUCCEEDED) {
        tasks.succeeded(parent, entry, resource, describe(ended, result, asJson));
      } else {
        tasks.failed(parent, entry, resource, StatesErrors.TASK_FAILED, Json.write(describe(ended, result, false)));
      }
    });
    child.start();
    return true;
  }

  /** DescribeExecution of a finished child, as .sync (strings) or .sync:2 (JSON) returns it. */
  private static ObjectNode describe(ExecutionRun child, ExecutionResult result, boolean asJson) {
    return answer(child, result, asJson, false, null);
  }

  /**
   * A finished child as the API describes it, members in AWS's (alphabetical) order: DescribeExecution
   * for .sync/.sync:2, or, when {@code syncStart}, StartSyncExecution's answer (billing details, a
   * SyncExecutionStatus, the trace header; no redrive fields).
   */
  static ObjectNode answer(ExecutionRun child, ExecutionResult result, boolean asJson, boolean syncStart,
      String traceHeader) {
    ObjectNode out = Json.NODES.objectNode();
    if (syncStart) {
      result.billingDetails().ifPresent(b -> {
        ObjectNode billing = out.putObject("BillingDetails");
        billing.put("BilledDurationInMilliseconds", b.billedDurationInMilliseconds());
        billing.put("BilledMemoryUsedInMB", b.billedMemoryUsedInMB());
      });
    }
    result.cause().ifPresent(c -> out.put("Cause", c));
    result.error().ifPresent(e -> out.put("Error", e));
    out.put("ExecutionArn", result.executionArn());
    if (asJson) {
      out.set("Input", result.input());
    } else {
      out.put("Input", Json.write(result.input()));
    }
    out.putObject("InputDetails").put("Included", true);
    out.put("Name", child.settings().executionName());
    result.output().ifPresent(o -> {
      if (asJson) {
        out.set("Output", o);
      } else {
        out.put("Output", Json.write(o));
      }
      out.putObject("OutputDetails").put("Included", true);
      if (!syncStart) {
        out.put("RedriveCount", 0);
        out.put("RedriveStatus", "NOT_REDRIVABLE");
        out.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
      }
    });
    out.put("StartDate", AwsTime.FORMAT.format(result.startDate()));
    out.put("StateMachineArn", child.settings().stateMachineArn());
    out.put("Status", !syncStart ? result.status().name() : switch (result.status()) {
      // SyncExecutionStatus has SUCCEEDED, FAILED and TIMED_OUT only.
      case SUCCEEDED, TIMED_OUT -> result.status().name();
      default -> "FAILED";
    });
    out.put("StopDate", AwsTime.FORMAT.format(result.stopDate()));
    if (traceHeader != null) {
      out.put("TraceHeader", traceHeader);
    }
    return out;
  }
}
