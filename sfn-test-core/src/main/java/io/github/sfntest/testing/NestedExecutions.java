package io.github.sfntest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.engine.Execution;
import io.github.sfntest.engine.ExecutionResult;
import io.github.sfntest.engine.ExecutionStatus;
import io.github.sfntest.engine.StartRequest;
import io.github.sfntest.internal.json.Json;
import io.github.sfntest.mock.TaskInvocation;
import io.github.sfntest.mock.TaskOutcome;
import java.time.Duration;

/**
 * Runs {@code states:startExecution} tasks whose state machine is declared in the session as child
 * executions on the same engine, answering like Step Functions: {@code .sync} returns the
 * DescribeExecution response with {@code Output} as a string, {@code .sync:2} as JSON, and the
 * plain call {@code ExecutionArn} and {@code StartDate}.
 */
final class NestedExecutions {

  private static final String START = "arn:aws:states:::states:startExecution";

  private final TestRun run;

  NestedExecutions(TestRun run) {
    this.run = run;
  }

  /** The outcome, or null when the task is not a start of a declared state machine. */
  TaskOutcome invoke(TaskInvocation invocation) {
    String resource = invocation.resource();
    if (!resource.startsWith(START)) {
      return null;
    }
    String suffix = resource.substring(START.length());
    String machine = machineName(invocation.parameters().path("StateMachineArn").asText(""));
    StateMachineDefinition definition = run.session().definitions().get(machine);
    if (definition == null || suffix.equals(".waitForTaskToken")) {
      return null;
    }
    JsonNode input = invocation.parameters().get("Input");
    if (input == null || input.isNull()) {
      input = Json.NODES.objectNode();
    } else if (input.isTextual()) {
      try {
        input = Json.parse(input.asText());
      } catch (IllegalArgumentException e) {
        return new TaskOutcome.Failure("States.Runtime", "The Input of the child execution is not JSON: "
            + e.getMessage(), Duration.ZERO);
      }
    }
    StartRequest request = StartRequest.of(definition, input);
    JsonNode name = invocation.parameters().get("Name");
    if (name != null && name.isTextual()) {
      request = request.withExecutionName(name.asText());
    }
    Execution child = run.machine(machine).start(request);
    if (suffix.isEmpty()) {
      ObjectNode out = Json.NODES.objectNode();
      out.put("ExecutionArn", child.executionArn());
      out.put("StartDate", invocation.time().toEpochMilli());
      return new TaskOutcome.Success(out, Duration.ZERO);
    }
    ExecutionResult result = child.awaitCompletion();
    ObjectNode describe = describe(result, invocation, suffix.equals(".sync:2"));
    if (result.status() == ExecutionStatus.SUCCEEDED) {
      return new TaskOutcome.Success(describe, result.elapsed());
    }
    return new TaskOutcome.Failure("States.TaskFailed", Json.write(describe), result.elapsed());
  }

  private static ObjectNode describe(ExecutionResult result, TaskInvocation invocation, boolean jsonOutput) {
    ObjectNode out = Json.NODES.objectNode();
    out.put("ExecutionArn", result.executionArn());
    out.put("Input", Json.write(result.input()));
    out.putObject("InputDetails").put("Included", true);
    String arn = result.executionArn();
    out.put("Name", arn.substring(arn.lastIndexOf(':') + 1));
    if (result.output().isPresent()) {
      if (jsonOutput) {
        out.set("Output", result.output().get());
      } else {
        out.put("Output", Json.write(result.output().get()));
      }
      out.putObject("OutputDetails").put("Included", true);
    }
    result.error().ifPresent(e -> out.put("Error", e));
    result.cause().ifPresent(c -> out.put("Cause", c));
    if (result.startDate() != null) {
      out.put("StartDate", result.startDate().toEpochMilli());
    }
    out.put("StateMachineArn", invocation.parameters().path("StateMachineArn").asText(""));
    out.put("Status", result.status().name());
    if (result.stopDate() != null) {
      out.put("StopDate", result.stopDate().toEpochMilli());
    }
    return out;
  }

  /** {@code arn:aws:states:r:a:stateMachine:Name[:version|alias]} → Name; a bare name stays. */
  static String machineName(String arn) {
    int at = arn.indexOf(":stateMachine:");
    if (at < 0) {
      return arn;
    }
    String rest = arn.substring(at + ":stateMachine:".length());
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }
}
