package io.github.sfntest.internal.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.internal.asl.StateType;
import io.github.sfntest.internal.json.Json;
import java.util.Random;

/**
 * What the evaluation environment of one execution reads besides the state's input: the context
 * object ({@code $$}), JSONata's {@code $states}, virtual time and the seeded random source.
 */
public final class ContextObjects {

  private final RunSettings settings;
  private final JsonNode executionInput;
  private final Scheduler scheduler;
  final Random random;
  private ObjectNode executionContext;
  private ObjectNode stateMachineContext;
  private JsonNode contextOverride;
  private boolean redriveCount = true;
  private int redriveCountValue;
  private java.time.Instant redriveTime;

  ContextObjects(RunSettings settings, JsonNode executionInput, Scheduler scheduler, Random random) {
    this.settings = settings;
    this.executionInput = executionInput;
    this.scheduler = scheduler;
    this.random = random;
  }

  /** A new environment for one field of {@code entry}, over {@code in}. */
  public StateEnv env(StateEntry entry, JsonNode in) {
    return new StateEnv(this, entry, in);
  }

  java.time.Instant now() {
    return scheduler.now();
  }

  ObjectNode statesVar(StateEntry entry, JsonNode result, JsonNode errorOutput) {
    ObjectNode states = Json.NODES.objectNode();
    states.set("input", entry.rawInput);
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    states.set("context", contextObject(entry, -1, null));
    return states;
  }

  /** Replaces the context object of the execution's states (TestState's {@code context}); null to synthesise. */
  /** TestState's synthesised context object has no {@code Execution.RedriveCount}. */
  void withoutRedriveCount() {
    redriveCount = false;
  }

  /** A redrive: {@code Execution.RedriveCount} and {@code RedriveTime} change for the states entered from now on. */
  void redriven(int count, java.time.Instant time) {
    redriveCountValue = count;
    redriveTime = time;
    executionContext = null; // rebuilt: objects earlier states captured keep their values
  }

  void override(JsonNode context) {
    contextOverride = context;
  }

  JsonNode contextObject(StateEntry entry, int mapIndex, JsonNode mapValue) {
    if (contextOverride != null && entry.frame.parent == null) {
      return contextOverride;
    }
    if (executionContext == null) {
      executionContext = Json.NODES.objectNode();
      executionContext.put("Id", settings.executionArn());
      executionContext.set("Input", executionInput);
      executionContext.put("StartTime", AwsTime.FORMAT.format(settings.startTime()));
      executionContext.put("Name", settings.executionName());
      executionContext.put("RoleArn", settings.roleArn());
      if (redriveCount && !settings.startedSync()) {
        executionContext.put("RedriveCount", redriveCountValue); // AWS omits it for StartSyncExecution's executions and in TestState
      }
      if (redriveTime != null) {
        executionContext.put("RedriveTime", AwsTime.FORMAT.format(redriveTime));
      }
      stateMachineContext = Json.NODES.objectNode();
      stateMachineContext.put("Id", settings.stateMachineArn());
      stateMachineContext.put("Name", settings.stateMachineName());
    }
    ObjectNode ctx = Json.object(5);
    ctx.set("Execution", executionContext);
    ctx.set("StateMachine", stateMachineContext);
    ObjectNode state = Json.object(3);
    state.put("Name", entry.state.name());
    state.put("EnteredTime", entry.enteredTimeText());
    if (entry.retryCount > 0 || entry.state.type() == StateType.TASK) {
      state.put("RetryCount", entry.retryCount);
    }
    ctx.set("State", state);
    if (entry.taskToken != null) {
      ObjectNode taskNode = Json.object(1);
      taskNode.put("Token", entry.taskToken);
      ctx.set("Task", taskNode);
    }
    if (mapIndex >= 0) {
      ObjectNode item = Json.object(2);
      item.put("Index", mapIndex);
      item.set("Value", mapValue);
      ObjectNode mapNode = Json.object(1);
      mapNode.set("Item", item);
      ctx.set("Map", mapNode);
    }
    return ctx;
  }
}
