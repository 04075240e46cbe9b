package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.interpreter.states.TaskExecutor;
import io.github.sfntest.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code arn:aws:states:::aws-sdk:sfn:startExecution} and {@code startSyncExecution} without a
 * mock: they start a deployed state machine as {@code states:startExecution} does and answer the
 * API's response in the AWS SDK integrations' casing ("Parameters in Step Functions are expressed
 * in PascalCase, even if the native service API is in camelCase"; recorded on AWS:
 * {@code {"ExecutionArn", "StartDate"}} for startExecution).
 */
final class SfnSdkStarts {

  static final String SERVICE = "aws-sdk:sfn";

  private SfnSdkStarts() {}

  /** False when no deployed machine has that ARN (the task then needs a mock). */
  static boolean start(ExecutionRun parent, ChildExecutions starter, StateEntry entry, TaskResource resource,
      String machineArn, JsonNode childInput, String name, JsonNode params, TaskExecutor tasks) {
    if (resource.resource().equals("startSyncExecution")) {
      return startSync(parent, starter, entry, resource, machineArn, childInput, name, params, tasks);
    }
    ExecutionRun child = starter.start(machineArn, childInput, name, parent.now());
    if (child == null) {
      return false;
    }
    if (!ChildExecutionTasks.runToEnd(parent, child)) {
      return true;
    }
    ObjectNode out = Json.NODES.objectNode();
    out.put("ExecutionArn", child.executionArn());
    out.put("StartDate", AwsTime.FORMAT.format(child.result().startDate()));
    tasks.succeeded(parent, entry, resource, out);
    return true;
  }

  /**
   * StartSyncExecution: the call returns when the child has ended, so the child runs on the
   * parent's clock and the task lasts as long as the child. A child that fails is still a
   * successful call: its status, error and cause are in the answer.
   */
  private static boolean startSync(ExecutionRun parent, ChildExecutions starter, StateEntry entry,
      TaskResource resource, String machineArn, JsonNode childInput, String name, JsonNode params, TaskExecutor tasks) {
    ExecutionRun child = starter.startOnSchedulerOf(parent, machineArn, childInput, name, true);
    if (child == null) {
      return false;
    }
    if (!child.settings().express()) {
      // As the API answers StartSyncExecution of a STANDARD machine, in the SDK integrations' error form.
      tasks.failed(parent, entry, resource, "Sfn.StateMachineTypeNotSupportedException",
          "This operation is not supported by this type of state machine: StartSyncExecution needs an EXPRESS state"
              + " machine (Service: Sfn, Status Code: 400, Request ID: " + requestId(machineArn) + ")");
      return true;
    }
    parent.adopt(child);
    int attempt = entry.attemptNumber;
    String traceHeader = params.hasNonNull("TraceHeader") ? params.get("TraceHeader").asText() : null;
    child.onEnd(ended -> {
      if (entry.attemptNumber == attempt) { // else the attempt that started it already timed out
        tasks.succeeded(parent, entry, resource,
            ChildExecutionTasks.answer(ended, ended.result(), false, true, traceHeader));
      }
    });
    child.start();
    return true;
  }

  private static String requestId(String seed) {
    return UUID.nameUUIDFromBytes(("sfn-request:" + seed).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
